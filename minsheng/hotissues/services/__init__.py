"""The only write path for hot issues and joint handling."""

from .joint import joint_handling_create, joint_handling_member_add, joint_handling_member_remove
from .refresh import hot_issues_refresh

__all__ = [
    "hot_issues_refresh",
    "joint_handling_create",
    "joint_handling_member_add",
    "joint_handling_member_remove",
]
