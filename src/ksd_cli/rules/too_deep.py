"""Lists and mappings nested more than 64 levels deep.

Why: a record nests six levels at most (``naskah`` → a document → ``penandatangan`` → a
signatory → ``surat_kuasa``). A file nesting a thousand levels (``[[[[...``) is an attack on
the readers, whose recursion it would exhaust: one such file in a pull request would stop
every command for every file. ksd stops reading at 64 levels and reports the line where that
depth is passed; every other file is still checked.

Passing::

    naskah:
      - jenis: kesepakatan_bersama
        penandatangan:
          - {peran: pihak_kesatu, nama: Edi Damansyah, jabatan: Bupati}

Failing: ``catatan: [[[[[[ ... ]]]]]]`` with 65 or more brackets.
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("Y012", "too-deep", Severity.ERROR, "file", __doc__)
