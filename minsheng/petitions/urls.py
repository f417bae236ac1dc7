from django.urls import path

from . import views, workflow_views

app_name = "petitions"

urlpatterns = [
    path("", views.home, name="home"),
    path("matters/", views.matter_list, name="matter_list"),
    path("tasks/", views.tasks, name="tasks"),
    path("matters/<int:pk>/", views.matter_detail, name="matter_detail"),
    path("matters/<int:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
    path("matters/<int:pk>/steps/<slug:step>/", workflow_views.matter_step, name="matter_step"),
    path("notices/<int:pk>/<str:fmt>/", views.notice_document, name="notice_document"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("intake/", views.intake, name="intake"),
    path("petitioners/search/", views.petitioner_search, name="petitioner_search"),
    path("petitioners/<int:pk>/", views.petitioner_detail, name="petitioner_detail"),
    path("petitioners/<int:pk>/reveal/", views.petitioner_reveal, name="petitioner_reveal"),
]
