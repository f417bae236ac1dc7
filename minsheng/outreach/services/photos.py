"""Photos of an activity (JPG or PNG, checked by their content), stored under random names and served
only to those who may see the activity."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from minsheng.lib import uploads

from ..models import Activity, ActivityPhoto
from ..permissions import can_record_for
from . import checks

PHOTO_MAX_BYTES = 10 * 1024 * 1024
PHOTOS_PER_ACTIVITY = 20
CAPTION_MAX = 200


@transaction.atomic
def activity_photo_add(*, actor, activity: Activity, upload, caption: str = "") -> ActivityPhoto:
    current = Activity.objects.select_for_update(of=("self",)).select_related("organiser").get(pk=activity.pk)
    if not can_record_for(actor, current.organiser):
        raise PermissionDenied(_("您不能为“%(org)s”的宣传活动上传照片") % {"org": current.organiser.name})
    errors: dict[str, list[str]] = {}
    caption = checks.text(errors, "caption", caption, label=_("说明"), max_length=CAPTION_MAX)
    checked = None
    if upload is None:
        checks.add(errors, "file", _("请选择照片"))
    else:
        try:
            checked = uploads.check(
                upload, name=upload.name, size=upload.size, max_bytes=PHOTO_MAX_BYTES, allowed=["jpeg", "png"]
            )
        except uploads.RejectedUpload as exc:
            checks.add(errors, "file", str(exc))
    if current.photos.count() >= PHOTOS_PER_ACTIVITY:
        checks.add(errors, "file", _("每个活动最多上传 %(max)d 张照片") % {"max": PHOTOS_PER_ACTIVITY})
    if errors:
        raise ValidationError(errors)
    photo = ActivityPhoto(
        activity=current,
        original_name=upload.name[:200],
        content_type=checked.content_type,
        size=upload.size,
        caption=caption,
        uploaded_by=actor,
    )
    photo.file.save(upload.name, upload, save=False)
    try:
        photo.save()
    except BaseException:
        # The row is rolled back with the transaction; the file must not stay behind as an orphan.
        photo.file.storage.delete(photo.file.name)
        raise
    return photo


@transaction.atomic
def activity_photo_delete(*, actor, photo: ActivityPhoto) -> None:
    current = (
        ActivityPhoto.objects.select_related("activity__organiser")
        .select_for_update(of=("self",))
        .get(pk=photo.pk)
    )
    if not can_record_for(actor, current.activity.organiser):
        raise PermissionDenied(
            _("您不能删除“%(org)s”的宣传活动照片") % {"org": current.activity.organiser.name}
        )
    storage, name = current.file.storage, current.file.name
    current.delete()
    transaction.on_commit(lambda: storage.delete(name))
