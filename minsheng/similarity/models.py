"""The similarity index (kept in the database, not in memory) and the registrars' matching decisions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MatterTerm(models.Model):
    """One posting of the inverted index: a distinctive bigram of a matter, with its weight.

    Only a matter's few heaviest bigrams are indexed (text.SIGNATURE_SIZE), which keeps the table near
    16 rows per matter and every posting list short; candidates found here are then scored on their
    full text.
    """

    # Keyed by term, then weight: a term's postings are read heaviest first and cut off (see
    # selectors._index_sql), so a term shared by many matters costs no more than a rare one.
    pk = models.CompositePrimaryKey("term", "weight", "matter")
    term = models.IntegerField()
    # Indexed on its own as well, for reading the postings of a period's matters (hot issues).
    matter = models.ForeignKey("petitions.Matter", on_delete=models.CASCADE, related_name="+")
    weight = models.PositiveSmallIntegerField()

    def __str__(self):
        return f"{self.term} → {self.matter_id}"


class MatterSignature(models.Model):
    """What the index holds for a matter: its indexed terms (to remove them) and its named places."""

    matter = models.OneToOneField(
        "petitions.Matter", on_delete=models.CASCADE, primary_key=True, related_name="similarity_signature"
    )
    terms = models.TextField(blank=True, default="")  # space-separated term ids
    places = models.TextField(blank=True, default="")  # space-separated place keys
    # The heaviest entries of the matter's normalised TF-IDF vector, "bigram:weight …": enough to score
    # a candidate without reading and re-tokenising its whole text at intake.
    vector = models.TextField(blank=True, default="")

    def __str__(self):
        return f"signature of {self.matter_id}"


class MatchDecision(models.Model):
    """What a registrar was shown at intake and what they chose, for measuring the matcher."""

    class Choice(models.TextChoices):
        REPEAT = "repeat", _("作为重复信访附加")
        JOINT = "joint", _("作为其他信访人的同一事项附加")
        NEW = "new", _("登记为新事项")

    submission = models.OneToOneField(
        "petitions.Submission", on_delete=models.CASCADE, related_name="match_decision"
    )
    choice = models.CharField(_("选择"), max_length=10, choices=Choice.choices)
    chosen_matter = models.ForeignKey(
        "petitions.Matter", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # [{"matter": id, "score": 0.87}, …] in the order shown.
    candidates = models.JSONField(default=list)
    # Where the chosen matter stood among the candidates (1-based); null when it was not among them.
    chosen_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("匹配选择")
        verbose_name_plural = _("匹配选择")

    def __str__(self):
        return f"{self.get_choice_display()} ({self.submission_id})"
