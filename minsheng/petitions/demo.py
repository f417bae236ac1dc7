"""The demo city behind `manage.py load_demo`: organisations, staff, categories and a few hundred matters.

Everything is written through the services, so the demo data obeys the same rules as real data, and
in one transaction, so a failure leaves nothing half-built. A fixed seed makes it reproducible: the
same matters, people and numbers every time, placed relative to today.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from minsheng.accounts.models import Organisation, User

from . import services
from .demo_city import BUREAU_NAME, DemoCity, build_city
from .demo_people import PersonFactory
from .demo_texts import CategoryMatcher, RawText, demand_of, file_texts, generated_texts, localise, nature_of
from .demo_workflow import WorkflowAdvancer, WorkflowReport, reply_texts
from .models import Category, Channel, Matter, Nature, Submission

MESSAGES_FILE = "taidi2020C_fujian4_full_replies.csv"
TAXONOMY_FILE = "taidi2020C_fujian1_label_taxonomy.csv"
DEFAULT_SEED = 2026
DAYS_BACK = 730
# Share of all submissions that are the same petitioner coming back about the same matter.
REPEAT_SHARE = 0.2
TOWNSHIP_OFFICE = "云中镇"

# Relative weights. The bureau's window is closed at weekends; only online channels arrive then.
BUREAU_CHANNELS = {
    Channel.VISIT: 35,
    Channel.ONLINE: 22,
    Channel.LETTER: 15,
    Channel.PHONE: 13,
    Channel.LEADER_MAILBOX: 15,
}
WEEKEND_CHANNELS = {Channel.ONLINE: 60, Channel.LEADER_MAILBOX: 40}
TOWNSHIP_CHANNELS = {Channel.VISIT: 5, Channel.LETTER: 3, Channel.PHONE: 2}
REPEAT_CHANNELS = {Channel.VISIT: 45, Channel.PHONE: 25, Channel.LETTER: 15, Channel.ONLINE: 15}
OFFICE_CHANNELS = {Channel.VISIT, Channel.LETTER, Channel.PHONE}
REPEAT_MIDDLES = ("", "期间有工作人员联系过我，但没有实质性进展。", "有关单位答复说正在研究，之后再无音讯。")


class DemoError(Exception):
    """The database holds something the demo cannot build on; the message says what."""


@dataclass
class DemoReport:
    organisations_created: int = 0
    users_created: list[str] = field(default_factory=list)
    users_existing: list[str] = field(default_factory=list)
    categories_created: int = 0
    existing_matters: int = 0  # more than 0: the demo matters were there already and none were added
    matters_created: int = 0
    submissions_created: int = 0
    repeats_created: int = 0
    group_visits: int = 0
    text_source: str = ""
    workflow: WorkflowReport | None = None


@dataclass
class _Opened:
    """What a repeat needs to know about the matter it comes back to."""

    matter: Matter
    petitioner_id: int
    at_township: bool
    received_on: dt.date
    place: str


def build_demo(*, matters: int = 300, seed: int = DEFAULT_SEED, now: dt.datetime | None = None) -> DemoReport:
    now = now or timezone.now()
    with transaction.atomic():
        city = build_city()
        categories_created = services.categories_seed(taxonomy_csv=settings.SHARED_DATA_DIR / TAXONOMY_FILE)
        report = DemoReport(
            organisations_created=city.organisations_created,
            users_created=city.users_created,
            users_existing=city.users_existing,
            categories_created=categories_created,
        )
        report.existing_matters = Matter.objects.filter(
            source=Matter.Source.INTAKE, receiving_org__path__startswith=city.city.path
        ).count()
        if not report.existing_matters and matters > 0:
            _MatterBuilder(city=city, rng=random.Random(seed), now=now, report=report).build(matters)
            advancer = WorkflowAdvancer(
                city=city,
                rng=random.Random(seed + 1),
                today=timezone.localtime(now).date(),
                replies=reply_texts(settings.SHARED_DATA_DIR / MESSAGES_FILE),
            )
            report.workflow = advancer.advance_all()
    return report


def _weighted(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class _MatterBuilder:
    def __init__(self, *, city: DemoCity, rng: random.Random, now: dt.datetime, report: DemoReport):
        self.city, self.rng, self.report = city, rng, report
        self.today = timezone.localtime(now).date()
        self.people = PersonFactory(rng)
        self.categories = CategoryMatcher(list(Category.objects.filter(is_active=True)))
        users = User.objects.select_related("organisation").in_bulk(
            ["dengji", "yunzhong_dengji"], field_name="username"
        )
        self.bureau_registrar = self._registrar(users.get("dengji"), BUREAU_NAME)
        self.township_registrar = self._registrar(users.get("yunzhong_dengji"), TOWNSHIP_OFFICE)
        self.township_office = city.by_name[TOWNSHIP_OFFICE]

    @staticmethod
    def _registrar(user: User | None, organisation: str) -> User:
        # A registrar renamed or moved since the first run cannot register in the demo unit's name.
        if user is None or user.organisation is None or user.organisation.name != organisation:
            raise DemoError(f"演示登记员账号缺失或不在{organisation}，无法生成演示信访事项")
        return user

    # --- planning ----------------------------------------------------------------------------------
    def _texts(self, count: int) -> list[RawText]:
        texts = file_texts(settings.SHARED_DATA_DIR / MESSAGES_FILE)
        self.report.text_source = f"留言数据 {MESSAGES_FILE}" if texts else "内置示例文本"
        chosen = self.rng.sample(texts, min(count, len(texts)))
        return chosen + generated_texts(self.rng, count - len(chosen))

    def _plan(self, count: int) -> list[tuple[int, int | None]]:
        """(days ago, None for a first submission or the index of the matter a repeat returns to)."""
        rng = self.rng
        # Oldest first, so that matter numbers rise with the date received.
        firsts = sorted((rng.randint(4, DAYS_BACK) for _ in range(count)), reverse=True)
        repeats = round(count * REPEAT_SHARE / (1 - REPEAT_SHARE))
        # Some petitioners come back twice: persistent, as the proposal describes, but not endlessly.
        seconds = rng.sample(range(count), repeats - repeats // 5)
        returning = seconds + rng.sample(seconds, repeats // 5)
        plan: list[tuple[int, int | None]] = [(days, None) for days in firsts]
        plan += [(firsts[i] - rng.randint(3, min(120, firsts[i] - 1)), i) for i in returning]
        return sorted(plan, key=lambda item: -item[0])

    def _received_at(self, day: dt.date, channel: str) -> dt.datetime:
        if channel in OFFICE_CHANNELS:
            minute = self.rng.choice((self.rng.randint(510, 710), self.rng.randint(870, 1040)))
        else:
            minute = self.rng.randint(420, 1410)
        moment = dt.datetime.combine(day, dt.time(minute // 60, minute % 60, self.rng.randint(0, 59)))
        return timezone.make_aware(moment)

    # --- registering -------------------------------------------------------------------------------
    def build(self, count: int) -> None:
        texts = self._texts(count)
        opened: list[_Opened] = []
        for days, index in self._plan(count):
            day = self.today - dt.timedelta(days=days)
            if index is None:
                opened.append(self._first(texts[len(opened)], day))
            else:
                self._repeat(opened[index], day)

    def _first(self, text: RawText, day: dt.date) -> _Opened:
        rng, city = self.rng, self.city
        nature = nature_of(text.title, text.content, rng)
        weekday = day.weekday() < 5
        # Accusations go to the bureau: a township may itself be the accused (Art 30).
        at_township = weekday and nature != Nature.ACCUSATION and rng.random() < 0.2
        township = self.township_office if at_township else rng.choice(city.townships)
        village = rng.choice(city.villages[township.name])
        places = {
            "township": township.name,
            "village": village.name,
            "other_townships": [t.name for t in city.townships if t.pk != township.pk],
        }
        title, content = localise(text.title, **places)[:200], localise(text.content, **places)
        if at_township:
            registrar, receiving = self.township_registrar, township
            channel = _weighted(rng, TOWNSHIP_CHANNELS)
        else:
            registrar, receiving = self.bureau_registrar, city.bureau
            channel = _weighted(rng, BUREAU_CHANNELS if weekday else WEEKEND_CHANNELS)
        head_count, entries = self._petitioners(channel, township.name, village)
        place = f"{township.name}{village.name}"
        submission = services.submission_register(
            actor=registrar,
            channel=channel,
            received_at=self._received_at(day, channel),
            receiving_org=receiving,
            petitioners=entries,
            title=title,
            content=content,
            demands=demand_of(content, nature=nature),
            head_count=head_count,
            concerned_org=self._concerned(title, content, nature, township, village),
            place=place,
            category=self.categories.match(title, content),
            nature=nature,
        )
        self.report.matters_created += 1
        self._count(submission)
        main = submission.submissionpetitioner_set.order_by("-is_representative", "pk").first()
        return _Opened(
            matter=submission.matter,
            petitioner_id=main.petitioner_id,
            at_township=at_township,
            received_on=day,
            place=place,
        )

    def _petitioners(self, channel: str, township: str, village: Organisation) -> tuple[int, list]:
        rng = self.rng

        def person(representative: bool = False):
            return self.people.person(
                address=self.people.address(township=township, village=village.name),
                region_code=village.region_code,
                is_representative=representative,
            )

        if channel == Channel.VISIT and rng.random() < 0.2:
            # A group visit (Art 20): five or more people, at most five representatives registered by name.
            head_count = rng.randint(5, 30)
            representatives = rng.randint(1, 5)
            others = min(rng.randint(0, 2), head_count - representatives)
            return head_count, [person(True) for _ in range(representatives)] + [
                person() for _ in range(others)
            ]
        if channel == Channel.VISIT:
            head_count = rng.choice((1, 1, 1, 2, 3))
            return head_count, [person() for _ in range(min(head_count, rng.choice((1, 1, 2))))]
        if channel == Channel.LETTER and rng.random() < 0.15:
            return 1, [person(), person()]  # a jointly signed letter
        return 1, [person()]

    def _concerned(self, title, content, nature, township, village) -> Organisation:
        if nature != Nature.ACCUSATION and self.rng.random() < 0.6:
            for text in (title, content):
                for department, keywords in self.city.departments:
                    if any(word in text for word in keywords):
                        return department
        return village if self.rng.random() < 0.5 else township

    def _repeat(self, first: _Opened, day: dt.date) -> None:
        rng, matter = self.rng, first.matter
        weekday = day.weekday() < 5
        if first.at_township and weekday and rng.random() < 0.6:
            registrar, receiving = self.township_registrar, self.township_office
            channel = _weighted(rng, TOWNSHIP_CHANNELS)
        else:
            # Coming to the city about a township's matter is how level-skipping (越级访) looks.
            registrar, receiving = self.bureau_registrar, self.city.bureau
            channel = _weighted(rng, REPEAT_CHANNELS if weekday else WEEKEND_CHANNELS)
        content = (
            f"本人于{first.received_on:%Y年%m月%d日}反映的“{matter.title}”问题，至今仍未得到解决。"
            + rng.choice(REPEAT_MIDDLES)
            + "现再次反映，请求尽快处理并答复。"
        )
        submission = services.submission_register(
            actor=registrar,
            channel=channel,
            received_at=self._received_at(day, channel),
            receiving_org=receiving,
            petitioners=[services.PetitionerEntry(petitioner_id=first.petitioner_id)],
            title=f"再次反映：{matter.title}"[:200],
            content=content,
            demands=matter.demands,
            head_count=rng.choice((1, 1, 2, 3)) if channel == Channel.VISIT else 1,
            concerned_org=matter.concerned_org,
            place=first.place,
            category=matter.category,
            nature=matter.nature,
            matter=matter,
        )
        self._count(submission)

    def _count(self, submission: Submission) -> None:
        self.report.submissions_created += 1
        self.report.repeats_created += submission.is_repeat
        self.report.group_visits += submission.is_group_visit
