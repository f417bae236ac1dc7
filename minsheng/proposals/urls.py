from django.urls import path

from . import views, views_docs, views_office, views_public, views_sessions, views_unit

app_name = "proposals"

urlpatterns = [
    path("", views.index, name="index"),
    path("mine/", views.mine, name="mine"),
    path("new/", views.submit, name="submit"),
    path("similar/", views.similar, name="similar"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/cosign/", views.cosign_answer, name="cosign"),
    path("<int:pk>/rate/", views.rate, name="rate"),
    path("<int:pk>/contact-details/", views.contact_reveal, name="contact_reveal"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/",
        views_docs.attachment_download,
        name="attachment_download",
    ),
    # The proposal office.
    path("inbox/", views_office.inbox, name="inbox"),
    path("deadlines/", views_office.deadlines, name="deadlines"),
    path("sessions/", views_sessions.session_list, name="sessions"),
    path("sessions/<int:pk>/", views_sessions.session_edit, name="session_edit"),
    path("sessions/<int:pk>/current/", views_sessions.session_make_current, name="session_make_current"),
    path("<int:pk>/admit/", views_office.admit, name="admit"),
    path("<int:pk>/not-admit/", views_office.not_admit, name="not_admit"),
    path("<int:pk>/convert/", views_office.convert, name="convert"),
    path("<int:pk>/review-note/", views_office.review_note, name="review_note"),
    path("<int:pk>/assign/", views_office.assign, name="assign"),
    path("<int:pk>/extend/", views_office.extend, name="extend"),
    path("<int:pk>/join/", views_office.join, name="join"),
    path("<int:pk>/publish/", views_office.publish, name="publish"),
    # The handling units.
    path("assigned/", views_unit.unit_list, name="unit_list"),
    path("<int:pk>/object/", views_unit.object_, name="object"),
    path("<int:pk>/contact/", views_unit.contact, name="contact"),
    path("<int:pk>/cohandling/", views_unit.cohandling, name="cohandling"),
    path("<int:pk>/reply/", views_unit.reply, name="reply"),
    path("<int:pk>/sign/", views_unit.sign, name="sign"),
    path("<int:pk>/send/", views_unit.send, name="send"),
    # Documents and figures.
    path("<int:pk>/form.pdf", views_docs.form_pdf, name="form_pdf"),
    path("<int:pk>/replies/<int:reply_id>.pdf", views_docs.reply_pdf, name="reply_pdf"),
    path("statistics/", views_docs.statistics, name="statistics"),
    path("statistics.xlsx", views_docs.statistics_excel, name="statistics_excel"),
    # Without login.
    path("public/", views_public.public_list, name="public_list"),
    path("public/<uuid:public_id>/", views_public.public_detail, name="public_detail"),
]
