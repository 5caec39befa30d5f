"""A value of the wrong type, or an empty required value.

Why: ``nilai`` must be a whole number of rupiah, ``teranggarkan_apbd`` true or false, ``pihak``
a list, dates real dates. A value of another type would make every sum and every derived stage
wrong. Document numbers and other texts that YAML would read as numbers must be quoted.

Passing::

    pembiayaan:
      nilai: 1250000000
      teranggarkan_apbd: true

Failing::

    pembiayaan:
      nilai: Rp 1,25 miliar
      teranggarkan_apbd: ya
"""

from __future__ import annotations

from ksd_cli.diagnostics import Severity
from ksd_cli.rules.base import Rule

RULE = Rule("S003", "wrong-type", Severity.ERROR, "schema", __doc__)
