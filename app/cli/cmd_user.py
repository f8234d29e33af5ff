"""``bwv user``: list, add and change users and their roles."""

from __future__ import annotations

import argparse

from app.cli.context import Context
from app.cli.formatting import table
from app.core import users
from app.core.models import Role

ROLES = [r.value for r in Role]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("user", help="list, add and change users",
                       description="Users and their roles. The first user to act on a new "
                                   "store becomes its administrator.")
    s = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    s.add_parser("list", help="list users",
                 description="List every user with their role and whether they are "
                             "active.").set_defaults(handler=run_list)
    ad = s.add_parser("add", help="add a user")
    ad.add_argument("name")
    ad.add_argument("--role", required=True, choices=ROLES)
    ad.set_defaults(handler=run_add)
    st = s.add_parser("set", help="change a user's role or deactivate them")
    st.add_argument("name")
    st.add_argument("--role", choices=ROLES)
    st.add_argument("--active", dest="active", action="store_true", default=None)
    st.add_argument("--inactive", dest="active", action="store_false")
    st.set_defaults(handler=run_set)


def run_list(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.store.read() as session:
        items = users.list_users(session)
    print(table(["name", "role", "active"],
                [[u.name, u.role.value, "yes" if u.active else "no"] for u in items])
          if items else "No users yet.")
    return 0


def run_add(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        rec = users.add_user(session, actor, args.name, args.role)
    print(f"Added user {rec.name} ({rec.role.value}).")
    return 0


def run_set(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        rec = users.update_user(session, actor, args.name, role=args.role, active=args.active)
    print(f"User {rec.name}: {rec.role.value}, {'active' if rec.active else 'inactive'}.")
    return 0
