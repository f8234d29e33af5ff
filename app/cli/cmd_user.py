"""``bwv user``: accounts, roles, passwords, and how people sign in to this store."""

from __future__ import annotations

import argparse

from app.cli.context import Context, ask_new_password, ask_password
from app.cli.formatting import table
from app.core.people import users
from app.core.policy.store_policy import SignIn, set_policy
from app.core.sign_in import accounts, key_registry, lockout
from app.core.store.models import Role
from app.core.store.pg_roles import grant_workstation_role

ROLES = [r.value for r in Role]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("user", help="accounts, roles, passwords and sign-in",
                       description="Local accounts and their roles. A new store starts with "
                                   "its administrator ('bwv user init', or the app's first "
                                   "start), who adds everyone else. New passwords are typed "
                                   "twice on the terminal or read from BWV_NEW_PASSWORD.")
    s = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    s.add_parser("list", help="list users",
                 description="List every user with their role, whether they are active and "
                             "whether they have a password.").set_defaults(handler=run_list)
    wr = s.add_parser("workstation-role", help="PostgreSQL: give workstations least privilege",
                      description="Run as the PostgreSQL schema owner (the URL that created "
                                  "the tables) once a database administrator has created "
                                  "ROLE (NOLOGIN): give it exactly "
                                  "what workstations need: no UPDATE or DELETE of audit "
                                  "events, no trigger changes, and users only in step with "
                                  "the audit trail. Make each workstation's login role a "
                                  "member of ROLE; run again after each upgrade.")
    wr.add_argument("role", help="the workstation group role, e.g. bwv_workstation")
    wr.set_defaults(handler=run_workstation_role)
    it = s.add_parser("init", help="create the first administrator of a new store",
                      description="Create the first administrator of a store that has no "
                                  "accounts yet. Asks for the new password twice in a "
                                  "terminal; a script gives it in BWV_NEW_PASSWORD.")
    it.add_argument("name", help="the administrator's user name")
    it.set_defaults(handler=run_init)
    ad = s.add_parser("add", help="add a user (administrators)")
    ad.add_argument("name")
    ad.add_argument("--role", required=True, choices=ROLES)
    ad.add_argument("--no-password", dest="password", action="store_false",
                    help="no password (only for stores where people sign in as their "
                         "operating-system user)")
    ad.set_defaults(handler=run_add)
    st = s.add_parser("set", help="change a user's role or deactivate them (administrators)")
    st.add_argument("name")
    st.add_argument("--role", choices=ROLES)
    st.add_argument("--active", dest="active", action="store_true", default=None)
    st.add_argument("--inactive", dest="active", action="store_false")
    st.set_defaults(handler=run_set)
    pw = s.add_parser("passwd", help="change your password, or (administrators) anyone's")
    pw.add_argument("name", nargs="?", help="whose (default: yours)")
    pw.set_defaults(handler=run_passwd)
    mode = s.add_parser("sign-in-mode", help="how people sign in to this store "
                                              "(administrators)",
                        description="password: local accounts with passwords (default). "
                                    "os_user: trust the operating-system login name (or "
                                    "BWV_USER); only where every workstation login is "
                                    "personal and trusted.")
    mode.add_argument("mode", choices=[m.value for m in SignIn])
    mode.set_defaults(handler=run_mode)
    rule = s.add_parser("approval-rule", help="whether every export needs a supervisor's "
                                              "approval (administrators)",
                        description="on (the default): an export is written only from a plan a "
                                    "supervisor approved, exactly as it is. off: officers may "
                                    "export working copies without approval (a release and a "
                                    "disclosure pack still need one). Audited.")
    rule.add_argument("state", choices=["on", "off"])
    rule.set_defaults(handler=run_approval_rule)
    un = s.add_parser("unlock", help="unlock an account locked by failed sign-ins "
                                     "(administrators)")
    un.add_argument("name")
    un.add_argument("--reason", required=True, help="why (recorded in the audit trail)")
    un.set_defaults(handler=run_unlock)
    key = s.add_parser("key", help="your signing key's fingerprint, and whether an "
                                   "administrator vouched for it",
                       description="Read from the key your password opens (so it is yours): "
                                   "read the fingerprint out to an administrator who vouches "
                                   "for it ('bwv user vouch').")
    key.set_defaults(handler=run_key)
    vo = s.add_parser("vouch", help="vouch for a key its owner registered themself "
                                    "(administrators)",
                      description="For accounts made before signing: they registered their "
                                  "own key at their first password sign-in. Ask them for "
                                  "the fingerprint 'bwv user key' shows them (in person or "
                                  "by phone), and type it here; audited.")
    vo.add_argument("name")
    vo.add_argument("--fingerprint", required=True, help="as the owner read it out")
    vo.set_defaults(handler=run_vouch)
    cr = s.add_parser("claim-root", help="take over the root key of a store made before "
                                         "signing (administrators)",
                      description="Only when the store has no root key and its first account "
                                  "cannot give it (deactivated or no longer an "
                                  "administrator): your key becomes the root that vouches "
                                  "for every other key. Signed with your key and audited; "
                                  "publish the new root's fingerprint.")
    cr.add_argument("--reason", required=True, help="why (recorded in the audit trail)")
    cr.set_defaults(handler=run_claim_root)
    lo = s.add_parser("lockout", help="failed sign-ins in a row that lock an account "
                                      "(administrators; 0 turns it off; default 5)",
                      description="An account locked by failed sign-ins stays locked until "
                                  "an administrator unlocks it ('bwv user unlock'). An "
                                  "administrator whom no other administrator can unlock (the "
                                  "only one, or every other is locked too) is held for "
                                  f"{lockout.ADMIN_HOLD.seconds // 60} minutes instead, then "
                                  "opens by itself: a store is "
                                  "never left with nobody to unlock accounts. Every attempt "
                                  "is in the audit trail.")
    lo.add_argument("attempts", type=int)
    lo.set_defaults(handler=run_lockout)


def run_list(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.reading() as session:
        items = users.list_users(session)
        keys = key_registry.key_statuses(session, [u.name for u in items])
    print(table(["name", "role", "active", "password", "signing key", "key"],
                [[u.name, u.role.value, "yes" if u.active else "no",
                  "yes" if u.has_password else "no", u.key_fingerprint or "none",
                  _key_word(keys[u.name])]
                 for u in items])
          if items else "No users yet.")
    return 0


def _key_word(status: key_registry.KeyStatus) -> str:
    if not status.fingerprint:
        return "-"
    return "root" if status.root else "vouched" if status.vouched else "NOT vouched"


def run_key(ctx: Context, args: argparse.Namespace) -> int:
    me = ctx.actor_name()
    password = None if me in ctx.store.signers else ask_password()
    with ctx.reading() as session:
        status = key_registry.own_key(session, me, password)
    print(f"Your signing key: {status.fingerprint} ({_key_word(status)}).")
    if not status.vouched:
        print("Read this fingerprint out to an administrator, who vouches for it "
              f"('bwv user vouch {me} --fingerprint \"{status.fingerprint}\"').")
    return 0


def run_vouch(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        status = key_registry.vouch_key(session, actor, args.name, args.fingerprint)
    print(f"Vouched for the key of {status.name} ({status.fingerprint}).")
    return 0


def run_claim_root(ctx: Context, args: argparse.Namespace) -> int:
    me = ctx.actor_name()
    password = None if me in ctx.store.signers else ask_password()
    with ctx.acting() as (session, actor):
        status = key_registry.claim_root(session, actor, args.reason, password)
    print(f"Your key is now the store's root: {status.fingerprint}. Publish this fingerprint "
          "(bwv-verify --root) and vouch for the other accounts' keys (bwv user vouch).")
    return 0


def run_init(ctx: Context, args: argparse.Namespace) -> int:
    password = ask_new_password()
    with ctx.store.transaction() as session:
        rec = accounts.create_first_administrator(session, args.name, password)
    print(f"Created {rec.name}, the administrator of this store.")
    return 0


def run_add(ctx: Context, args: argparse.Namespace) -> int:
    ctx.actor_name()  # sign in first, then ask for the new user's password
    credentials = (accounts.new_credentials(ask_new_password(), args.name)
                   if args.password else None)
    with ctx.acting() as (session, actor):
        rec = users.add_user(session, actor, args.name, args.role, credentials)
    print(f"Added user {rec.name} ({rec.role.value}).")
    return 0


def run_set(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        rec = users.update_user(session, actor, args.name, role=args.role, active=args.active)
    print(f"User {rec.name}: {rec.role.value}, {'active' if rec.active else 'inactive'}.")
    return 0


def run_passwd(ctx: Context, args: argparse.Namespace) -> int:
    me = ctx.actor_name()
    name = args.name or me
    current = None
    with ctx.reading() as session:
        target = users.find_user(session, name)
        has_password = target is not None and target.password_hash is not None
    if name == me and has_password:
        current = ask_password("Current password: ", "BWV_PASSWORD")
    new = ask_new_password()
    with ctx.acting() as (session, actor):
        accounts.set_password(session, actor, name, new, current)
    print(f"Password of {name} changed.")
    return 0


def run_mode(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        policy = set_policy(session, actor, sign_in=args.mode)
    print(f"People now sign in with: {policy.sign_in.value}.")
    return 0


def run_approval_rule(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        policy = set_policy(session, actor, require_approval=args.state == "on")
    print("Exports now need a supervisor's approval." if policy.require_approval else
          "Exports no longer need a supervisor's approval (releases and packs still do).")
    return 0


def run_unlock(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        was = lockout.unlock(session, actor, args.name, args.reason)
    print(f"{args.name} unlocked." if was else f"{args.name} was not locked (recorded).")
    return 0


def run_lockout(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.acting() as (session, actor):
        policy = set_policy(session, actor, lockout_after=args.attempts)
    print(f"Accounts now lock after {policy.lockout_after} failed sign-ins in a row."
          if policy.lockout_after else "Sign-in lock-out is off.")
    return 0


def run_workstation_role(ctx: Context, args: argparse.Namespace) -> int:
    tables = grant_workstation_role(ctx.store.engine, args.role)
    print(f"Role {args.role} may now use {len(tables)} tables: audit_events and store_info "
          "append-only, users only in step with the audit trail.")
    return 0
