from django.urls import path

from . import views

app_name = "hotissues"

urlpatterns = [
    path("", views.issue_list, name="issue_list"),
    path("refresh/", views.refresh, name="refresh"),
    path("<int:pk>/", views.issue_detail, name="issue_detail"),
    path("<int:pk>/joint/", views.joint_create, name="joint_create"),
    path("joint/<int:pk>/", views.joint_detail, name="joint_detail"),
    path("joint/<int:pk>/members/", views.member_add, name="member_add"),
    path("joint/<int:pk>/members/<int:matter_id>/remove/", views.member_remove, name="member_remove"),
]
