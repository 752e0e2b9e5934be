"""Read NewsWCL50 events as multi-outlet stories of :class:`Article` objects.

``NewsWCL50.conll`` holds tokenized articles (``topic/-/topic_OUTLET``, sentence, token, text,
chain); ``urls.tsv`` names each article's outlet page. Tokens are joined back into text with
the usual spacing rules, one paragraph per sentence, so spaCy and the stages see prose.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

from newsprism.model import Article, stable_id

NO_SPACE_BEFORE = {
    ",",
    ".",
    ":",
    ";",
    "!",
    "?",
    "%",
    ")",
    "]",
    "}",
    "'s",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "’s",
    "”",
    "''",
}
NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "``"}
OUTLET_HOSTS = {
    "huffingtonpost": "HuffPost",
    "nytimes": "The New York Times",
    "usatoday": "USA Today",
    "foxnews": "Fox News",
    "breitbart": "Breitbart",
}


def detokenize(tokens: list[str]) -> str:
    out: list[str] = []
    open_double = False
    for token in tokens:
        if not token.strip() or token == "\\n":
            continue  # the corpus keeps paragraph breaks as literal "\n" tokens
        if token == '"':
            if open_double:
                out.append('"')
            else:
                out.append((" " if out else "") + '"')
                out.append("")
            open_double = not open_double
            continue
        glue = (
            not out
            or token in NO_SPACE_BEFORE
            or out[-1] == ""
            or out[-1].strip() in NO_SPACE_AFTER
        )
        out.append(token if glue else " " + token)
    text = "".join(out)
    return re.sub(r"\s+", " ", text).strip()


def _outlets(urls: Path) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = defaultdict(dict)
    with urls.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            table[row["Event ID"]][row["Outlet"]] = row["URL"]
    return table


def load_event(folder: Path, event: int) -> list[Article]:
    """The five articles of one NewsWCL50 event, one per outlet, in file order."""
    urls = _outlets(folder / "urls.tsv")
    sentences: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    prefix = f"{event}/-/"
    with (folder / "NewsWCL50.conll").open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith(prefix):
                continue
            parts = line.rstrip("\n").split("\t")
            sentences[parts[0]][int(parts[1])].append(parts[3])
    articles = []
    for doc in sorted(sentences):
        code = doc.rsplit("_", 1)[1]
        url = urls.get(str(event), {}).get(code)
        host = next((name for key, name in OUTLET_HOSTS.items() if url and key in url), None)
        text = "\n\n".join(detokenize(tokens) for _, tokens in sorted(sentences[doc].items()))
        articles.append(
            Article(
                id=stable_id("a", doc, text),
                file=doc.replace("/", "_"),
                url=url,
                outlet=host or code,
                text=text,
            )
        )
    return articles
