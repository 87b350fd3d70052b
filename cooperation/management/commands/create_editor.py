"""Create a staff user in the Editor group, or put an existing user in it."""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from cooperation.roles import editor_group_sync


class Command(BaseCommand):
    help = (
        "Create an editor: a staff user in the Editor group, who adds and changes records "
        "in the admin but does not manage users. Safe to rerun: an existing user is made "
        "staff and put in the group, and keeps their password unless a new one is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="The editor's e-mail address.")
        parser.add_argument(
            "--password-from-env",
            metavar="VAR",
            help="Read the password from this environment variable instead of prompting.",
        )
        parser.add_argument(
            "--no-password",
            action="store_true",
            help="Create the user without a usable password (set one later).",
        )

    def handle(self, *args, username, email, password_from_env, no_password, **options):
        User = get_user_model()
        if email:
            try:
                validate_email(email)
            except ValidationError as error:
                raise CommandError(f"--email {email!r} is not an e-mail address.") from error
        user = User.objects.filter(username=username).first()
        if user is not None and user.is_superuser:
            raise CommandError(f"{username} is a superuser already; superusers can do all edits.")

        password = self.read_password(password_from_env, no_password, is_new=user is None)
        if password is not None:
            candidate = user or User(username=username, email=email)
            try:
                validate_password(password, candidate)
            except ValidationError as error:
                raise CommandError(
                    "The password is refused: " + " ".join(error.messages)
                ) from error

        with transaction.atomic():
            group = editor_group_sync()
            created = user is None
            if created:
                user = User(username=username)
            user.is_staff = True
            if email:
                user.email = email
            if password is not None:
                user.set_password(password)
            elif created:
                user.set_unusable_password()
            user.save()
            user.groups.add(group)

        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} editor {username} (group {group.name})."))

    def read_password(self, variable, no_password, *, is_new):
        """The password to set, or None to leave it as it is."""
        if variable:
            password = os.environ.get(variable)
            if not password:
                raise CommandError(f"The environment variable {variable} is not set or empty.")
            return password
        if no_password:
            return None
        if not is_new:
            return None
        if not self.interactive():
            raise CommandError(
                "No password given: use --password-from-env VAR, --no-password, "
                "or run in a terminal to be prompted."
            )
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        if not password:
            raise CommandError("The password is empty.")
        return password

    def interactive(self):
        return os.isatty(0)
