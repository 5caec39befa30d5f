"""Messages of command-line usage errors that Click detects while parsing the arguments.

Click words these in English only; ksd words them again in the user's language (see
``ksd_cli.cli.usage``) so that an Indonesian run never mixes the two.
"""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {
    "usage.no-such-option": ("opsi tidak dikenal: {option}", "no such option: {option}"),
    "usage.no-such-command": ("perintah tidak dikenal: {command}", "no such command: {command}"),
    "usage.did-you-mean": ("mungkin maksud Anda {choices}?", "did you mean {choices}?"),
    "usage.needs-value": ("opsi {option} memerlukan nilai", "option {option} requires a value"),
    "usage.needs-values": (
        "opsi {option} memerlukan {count} nilai",
        "option {option} requires {count} values",
    ),
    "usage.takes-no-value": (
        "opsi {option} tidak menerima nilai",
        "option {option} does not take a value",
    ),
    "usage.missing-argument": ("argumen {name} wajib diberikan", "missing argument {name}"),
    "usage.missing-option": ("opsi {name} wajib diberikan", "missing option {name}"),
    "usage.missing-command": ("perintah belum diberikan", "missing command"),
    "usage.extra-arguments": (
        "argumen berlebih: {arguments}",
        "unexpected extra arguments: {arguments}",
    ),
    "usage.invalid-value-plain": ("nilai tidak sah: {problem}", "invalid value: {problem}"),
    "usage.see-help": ("lihat `{command} -h`", "see `{command} -h`"),
}
