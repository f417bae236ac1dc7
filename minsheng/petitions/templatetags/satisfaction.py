from django import template

from ..models import Rating

register = template.Library()


@register.inclusion_tag("petitions/_ratings.html")
def matter_ratings(matter):
    """The current rating of each answer, newest first, with how many times it was rated before.

    `matter` comes from the page's view, which already checked that the user may see it."""
    rows = list(
        Rating.objects.filter(matter=matter)
        .select_related("reply", "recorded_by")
        .order_by("-recorded_at", "-pk")
    )
    earlier = {}
    for rating in rows:
        if not rating.is_current:
            earlier[rating.reply_id] = earlier.get(rating.reply_id, 0) + 1
    current = [(rating, earlier.get(rating.reply_id, 0)) for rating in rows if rating.is_current]
    return {"ratings": current}
