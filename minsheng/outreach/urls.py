from django.urls import path

from .views import activities, questionnaires

app_name = "outreach"

urlpatterns = [
    path("", activities.activity_list, name="activity_list"),
    path("new/", activities.activity_create, name="activity_create"),
    path("<int:pk>/", activities.activity_detail, name="activity_detail"),
    path("<int:pk>/edit/", activities.activity_edit, name="activity_edit"),
    path("<int:pk>/delete/", activities.activity_delete, name="activity_delete"),
    path("<int:pk>/results/", activities.results_edit, name="results_edit"),
    path("<int:pk>/results/clear/", activities.results_clear, name="results_clear"),
    path("<int:pk>/photos/", activities.photo_upload, name="photo_upload"),
    path("photos/<int:pk>/", activities.photo_view, name="photo_view"),
    path("photos/<int:pk>/delete/", activities.photo_delete, name="photo_delete"),
    path("questionnaires/", questionnaires.questionnaire_list, name="questionnaire_list"),
    path("questionnaires/new/", questionnaires.questionnaire_create, name="questionnaire_create"),
    path("questionnaires/<int:pk>/", questionnaires.questionnaire_detail, name="questionnaire_detail"),
    path("questionnaires/<int:pk>/edit/", questionnaires.questionnaire_edit, name="questionnaire_edit"),
    path("questionnaires/<int:pk>/toggle/", questionnaires.questionnaire_toggle, name="questionnaire_toggle"),
]
