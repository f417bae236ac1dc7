from django.urls import path

from . import views

app_name = "classify"

urlpatterns = [
    path("intake/", views.intake_suggestions, name="intake_suggestions"),
]
