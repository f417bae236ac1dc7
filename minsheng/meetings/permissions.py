"""Who may record joint meetings and act on their tasks. Services check these; pages use them to hide."""

from minsheng.accounts.models import Organisation, Role

# The bureau (the joint meeting's office) keeps the city's meetings; a township's petition office keeps
# the township's own (Art 13 para 3), which its handlers run.
RECORDING_ROLES = (Role.SUPERVISOR, Role.ADMIN)
TOWNSHIP_RECORDING_ROLES = (Role.HANDLER, Role.SUPERVISOR)
# Government staff, who may read meetings in their jurisdiction.
SEEING_ROLES = (Role.REGISTRAR, Role.HANDLER, Role.SUPERVISOR, Role.LEADER, Role.ADMIN)
# The owning unit's staff who write its feedback.
FEEDBACK_ROLES = (Role.HANDLER, Role.SUPERVISOR, Role.ADMIN)
# Units that can hold a meeting or own one of its tasks.
CONVENING_KINDS = (Organisation.Kind.PETITION_BUREAU, Organisation.Kind.TOWNSHIP)
OWNER_KINDS = (
    Organisation.Kind.PETITION_BUREAU,
    Organisation.Kind.DEPARTMENT,
    Organisation.Kind.TOWNSHIP,
    Organisation.Kind.VILLAGE,
    Organisation.Kind.DISCIPLINE,
    Organisation.Kind.POLITICAL_LEGAL,
)


def _in_scope(user, organisation: Organisation) -> bool:
    return user.organisation_id is not None and organisation.path.startswith(user.organisation.scope_path)


def can_record_meetings(user) -> bool:
    """Whether the pages offer “记录会议” at all; can_record_for decides for a convening unit."""
    if not (user and user.is_authenticated):
        return False
    if user.is_superuser or user.has_role(*RECORDING_ROLES):
        return True
    org = user.organisation
    return bool(org and org.kind == Organisation.Kind.TOWNSHIP and user.role in TOWNSHIP_RECORDING_ROLES)


def can_record_for(user, organisation: Organisation) -> bool:
    if not (user and user.is_authenticated) or organisation is None:
        return False
    if user.is_superuser:
        return True
    if user.role in RECORDING_ROLES and _in_scope(user, organisation):
        return True
    return (
        organisation.kind == Organisation.Kind.TOWNSHIP
        and user.organisation_id == organisation.pk
        and user.role in TOWNSHIP_RECORDING_ROLES
    )


def can_manage_meeting(user, meeting) -> bool:
    """Close or return the meeting's tasks and apply its decisions: whoever may record for its
    convening unit — for the city's meetings, the bureau."""
    return can_record_for(user, meeting.organisation)


def can_feed_back(user, task) -> bool:
    if not (user and user.is_authenticated):
        return False
    if user.is_superuser or (task.assignee_id is not None and task.assignee_id == user.pk):
        return True
    return user.organisation_id == task.organisation_id and user.role in FEEDBACK_ROLES
