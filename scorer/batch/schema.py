"""The columns of the batch output, declared once: every partition has the same schema, even an empty one.

Claim rows are the JSON contract's claim fields (scorer/report/json.py) flattened: `verification.status`
becomes `verification_status`, lists of sources, numbers and findings stay lists of structs. The claim's
`id` is `claim_id` and its `text` is `claim_text`, beside the article's own `article_id` and metadata.
"""

from __future__ import annotations

import pyarrow as pa

ARTICLE_META = [
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("row", pa.int64(), nullable=False),  # the article's row in the input, from 0
    pa.field("url", pa.string()),
    pa.field("date", pa.string()),  # ISO date
    pa.field("year", pa.int32()),
    pa.field("outlet", pa.string()),
    pa.field("section", pa.string()),
]

SOURCE = pa.struct([(name, pa.string()) for name in ("name", "kind", "outlet", "domain", "url", "cue", "via")])
NUMBER = pa.struct([("claim", pa.string()), ("source", pa.string()), ("status", pa.string())])
FINDING = pa.struct([("rule", pa.string()), ("level", pa.string()), ("message", pa.string())])

CLAIMS = pa.schema([
    *ARTICLE_META,
    pa.field("claim_id", pa.string()),
    pa.field("claim_index", pa.int32()),
    pa.field("line", pa.int32()),
    pa.field("column", pa.int32()),
    pa.field("end_line", pa.int32()),
    pa.field("end_column", pa.int32()),
    pa.field("claim_text", pa.string()),
    pa.field("check_worthy", pa.bool_()),
    pa.field("strength", pa.string()),
    pa.field("confidence", pa.float64()),
    pa.field("sources", pa.list_(SOURCE)),
    # check-worthy and resting on an anonymous or vague source: the anonymous-source rule's condition
    pa.field("anonymous_source", pa.bool_()),
    pa.field("signals", pa.list_(pa.string())),
    pa.field("verification_status", pa.string()),
    pa.field("verification_url", pa.string()),
    pa.field("verification_archived", pa.bool_()),
    pa.field("verification_quote_score", pa.float64()),
    pa.field("verification_passage", pa.string()),
    pa.field("verification_numbers", pa.list_(NUMBER)),
    pa.field("verification_source_published", pa.string()),
    pa.field("verification_corroborated_by", pa.list_(pa.string())),
    pa.field("suppressed", pa.bool_()),
    pa.field("findings", pa.list_(FINDING)),
])

ARTICLES = pa.schema([
    *ARTICLE_META,
    pa.field("format", pa.string()),  # markdown or text
    pa.field("claims", pa.int32()),
    pa.field("check_worthy", pa.int32()),
    pa.field("strong", pa.int32()),
    pa.field("moderate", pa.int32()),
    pa.field("weak", pa.int32()),
    pa.field("none", pa.int32()),
    pa.field("anonymous_source", pa.int32()),  # check-worthy claims resting on an anonymous or vague source
    pa.field("unsourced", pa.int32()),  # check-worthy claims with no source at all
    pa.field("below_threshold", pa.int32()),
    pa.field("error_findings", pa.int32()),
    pa.field("warning_findings", pa.int32()),
    pa.field("passed", pa.bool_()),
    pa.field("warnings", pa.list_(pa.string())),
])
