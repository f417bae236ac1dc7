from django.urls import path

from . import views

app_name = "similarity"

urlpatterns = [
    path("intake-check/", views.intake_check, name="intake_check"),
    path("matters/<int:pk>/similar-cases/", views.similar_cases, name="similar_cases"),
]
