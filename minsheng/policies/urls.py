from django.urls import path

from . import views

app_name = "policies"

urlpatterns = [
    path("", views.library, name="library"),
    path("guide/", views.guide, name="guide"),
    path("faq/", views.faq, name="faq"),
    path("<int:pk>/", views.document, name="document"),
    path("<int:pk>/articles/<int:number>/", views.article, name="article"),
]
