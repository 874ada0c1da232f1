"""Building admin form posts the way the browser sends them."""

ARTICLE_IMAGES = "images"
ATTACHMENTS = "news-attachment-content_type-object_id"


def inline_rows(prefix, rows=(), initial=0):
    """Management form plus ``rows`` for the inline formset with ``prefix``."""
    rows = list(rows)
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def article_inlines(images=(), attachments=()):
    return {
        **inline_rows(ARTICLE_IMAGES, images),
        **inline_rows(ATTACHMENTS, attachments),
    }
