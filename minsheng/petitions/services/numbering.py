from ..models import MatterNumberSequence


def sequence_next(*, prefix: str, year: int) -> int:
    """The next number of a yearly sequence; the row lock makes two registrars get two numbers."""
    MatterNumberSequence.objects.get_or_create(prefix=prefix, year=year)
    sequence = MatterNumberSequence.objects.select_for_update().get(prefix=prefix, year=year)
    sequence.last_value += 1
    sequence.save(update_fields=["last_value"])
    return sequence.last_value
