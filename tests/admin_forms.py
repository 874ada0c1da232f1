"""Admin forms posted the way a browser posts them.

``AdminForm.open(client, url)`` reads an admin add or change page and keeps what a
browser would send back from its main form: every field with the value the page
shows, inline management forms as rendered (``INITIAL_FORMS`` counts the rows that
exist), checkboxes only when ticked, file inputs empty. A test then changes what a
person would change and posts. Any model with an admin gets this for free.
"""

from html.parser import HTMLParser

ARTICLE_IMAGES = "images"
ATTACHMENTS = "base-attachment-content_type-object_id"

_TEXT_INPUTS = {
    "",
    "text",
    "hidden",
    "email",
    "url",
    "number",
    "date",
    "time",
    "datetime-local",
    "tel",
    "search",
    "password",
}


class _FormParser(HTMLParser):
    """Collects the successful controls of the form whose id is ``form_id``."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.found = False
        self.fields = []  # (name, value) in document order
        self.file_inputs = []
        self._textarea = None
        self._select = None
        self._option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if attrs.get("id") == self.form_id:
                self.inside = self.found = True
            return
        if not self.inside:
            return
        name = attrs.get("name")
        disabled = "disabled" in attrs
        if tag == "input" and name and not disabled:
            kind = attrs.get("type", "").lower()
            if kind in _TEXT_INPUTS:
                self.fields.append((name, attrs.get("value") or ""))
            elif kind in {"checkbox", "radio"} and "checked" in attrs:
                self.fields.append((name, attrs.get("value") or "on"))
            elif kind == "file":
                self.file_inputs.append(name)
        elif tag == "textarea" and name and not disabled:
            self._textarea = [name, ""]
        elif tag == "select" and name and not disabled:
            self._select = {"name": name, "multiple": "multiple" in attrs, "opts": []}
        elif tag == "option" and self._select is not None:
            self._option = {
                "value": attrs.get("value"),
                "text": "",
                "selected": "selected" in attrs,
            }
            self._select["opts"].append(self._option)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        elif self._option is not None:
            self._option["text"] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # HTML drops one newline right after <textarea>.
            self.fields.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            select, self._select = self._select, None
            chosen = [o for o in select["opts"] if o["selected"]]
            if not chosen and not select["multiple"] and select["opts"]:
                chosen = select["opts"][:1]
            for option in chosen:
                value = option["value"]
                self.fields.append(
                    (select["name"], option["text"] if value is None else value)
                )


class AdminForm:
    """The main form of an admin add or change page, ready to post back."""

    def __init__(self, client, url, fields, file_inputs):
        self.client = client
        self.url = url
        self.data = {}
        for name, value in fields:
            if "__prefix__" in name:  # the template rows for "Add another"
                continue
            if name in self.data:
                previous = self.data[name]
                self.data[name] = [
                    *(previous if isinstance(previous, list) else [previous]),
                    value,
                ]
            else:
                self.data[name] = value
        self.file_inputs = [n for n in file_inputs if "__prefix__" not in n]

    @classmethod
    def open(cls, client, url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        model_name = response.context["opts"].model_name
        parser = _FormParser(f"{model_name}_form")
        parser.feed(response.content.decode())
        assert parser.found, f"no form #{model_name}_form on {url}"
        return cls(client, url, parser.fields, parser.file_inputs)

    def __getitem__(self, name):
        return self.data[name]

    def set(self, **values):
        self.data.update(values)
        return self

    def rows(self, prefix):
        return int(self.data[f"{prefix}-TOTAL_FORMS"])

    def initial_rows(self, prefix):
        return int(self.data[f"{prefix}-INITIAL_FORMS"])

    def set_row(self, prefix, index, **values):
        assert index < self.rows(prefix), f"{prefix} has no row {index}"
        self.data.update({f"{prefix}-{index}-{k}": v for k, v in values.items()})
        return self

    def add_row(self, prefix, **values):
        """Fill a new inline row, as "Dodaj kolejne …" does."""
        index = self.rows(prefix)
        self.data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
        self.data.update({f"{prefix}-{index}-{k}": v for k, v in values.items()})
        return self

    def post(self, **extra):
        return self.client.post(self.url, {**self.data, **extra})


def form_errors(response):
    """The errors a person would see on a form page that came back."""
    if response.context is None or "adminform" not in response.context:
        return None
    errors = [dict(response.context["adminform"].form.errors)]
    for formset in response.context.get("inline_admin_formsets", []):
        errors.append(formset.formset.errors)
        errors.append(formset.formset.non_form_errors())
    return errors


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
