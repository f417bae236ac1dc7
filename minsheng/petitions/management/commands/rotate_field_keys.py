from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from minsheng.legal.services import consultations_rotate_keys
from minsheng.notifications.services import notifications_rotate_keys
from minsheng.petitions import services


class Command(BaseCommand):
    help = (
        "用最新的密钥重新加密所有信访人的身份证号码和电话号码，并重算查找用的哈希。"
        "轮换步骤：1）用 --generate-key 生成新密钥；"
        "2）把新密钥放在 MINSHENG_FIELD_KEYS 的最前面，旧密钥保留在其后（逗号分隔），重启服务；"
        "3）运行本命令；4）确认成功后从 MINSHENG_FIELD_KEYS 中删除旧密钥，再次重启。"
        "更换 MINSHENG_HASH_KEY 后也须立即运行本命令，否则按身份证号码、电话号码查找不到信访人。"
        "本命令在一个事务中完成，中途失败不会改动任何数据。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--generate-key", action="store_true", help="只打印一个新生成的 Fernet 密钥，不改动数据"
        )

    def handle(self, *args, generate_key, **options):
        if generate_key:
            self.stdout.write(Fernet.generate_key().decode())
            return
        if len(settings.FIELD_ENCRYPTION_KEYS) < 2:
            self.stdout.write(
                self.style.WARNING(
                    "MINSHENG_FIELD_KEYS 中只有一个密钥：数据将用同一密钥重新加密。"
                    "如要轮换，请先把新密钥放在最前面、旧密钥保留在其后。"
                )
            )
        try:
            # One transaction for both tables: a failure in either leaves every value as it was.
            with transaction.atomic():
                count = services.petitioners_rotate_keys()
                consultations = consultations_rotate_keys()
                messages = notifications_rotate_keys()
        except ImproperlyConfigured as exc:
            raise CommandError(
                "有数据无法用 MINSHENG_FIELD_KEYS 中的任何密钥解密：加密它的密钥不在其中（可能被提前删除）。"
                "请把该密钥加回（放在新密钥之后）再运行。本次没有改动任何数据。"
            ) from exc
        except ValueError as exc:
            # Fernet rejects a key that is not 32 url-safe base64-encoded bytes.
            raise CommandError(f"MINSHENG_FIELD_KEYS 中有无效的密钥：{exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"已处理 {count} 名信访人：身份证号码和电话号码已用第一个密钥重新加密，查找哈希已重算；"
                f"法律咨询记录中的电话号码 {consultations} 个已重新加密；"
                f"消息记录中的号码和敏感内容 {messages} 条已重新加密"
            )
        )
        if len(settings.FIELD_ENCRYPTION_KEYS) > 1:
            self.stdout.write("现在可以从 MINSHENG_FIELD_KEYS 中删除旧密钥（只保留第一个）。")
