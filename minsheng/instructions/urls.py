from django.urls import path

from . import views

app_name = "instructions"

urlpatterns = [
    path("", views.instruction_list, name="instruction_list"),
    path("new/", views.instruction_create, name="instruction_create"),
    path("<int:pk>/", views.instruction_detail, name="instruction_detail"),
    path("tasks/", views.task_list, name="task_list"),
    path("tasks/<int:pk>/<slug:step>/", views.task_step, name="task_step"),
]
