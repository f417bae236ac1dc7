from django.urls import path

from . import views

app_name = "supervision"

urlpatterns = [
    path("", views.item_list, name="item_list"),
    path("unit/", views.unit_items, name="unit_items"),
    path("<int:pk>/", views.item_detail, name="item_detail"),
    path("<int:pk>/notices/", views.notice_issue, name="notice_issue"),
    path("<int:pk>/escalate/", views.item_escalate, name="item_escalate"),
    path("<int:pk>/follow-up/", views.item_follow_up, name="item_follow_up"),
    path("<int:pk>/close/", views.item_close, name="item_close"),
    path("notices/<int:pk>/feedback/", views.feedback_submit, name="feedback_submit"),
    path("notices/<int:pk>/accept/", views.feedback_accept, name="feedback_accept"),
    path("notices/<int:pk>/<str:fmt>/", views.notice_document, name="notice_document"),
]
