"""Moving a model between apps without touching its table: its content type is
relabelled, so permissions, the groups' grants and admin history follow it.

Not a migration itself (the loader skips names starting with "_"); used by
base/0001 and pages/0001. Going back relabels the other way. A content type the
post_migrate step created meanwhile under the label being restored (it holds
no grants and no history) is dropped first, or the rename would collide.
"""

from django.db import migrations


def relabel(source, target, models):
    def move(apps, schema_editor, source=source, target=target):
        ContentType = apps.get_model("contenttypes", "ContentType")
        rows = ContentType.objects.using(schema_editor.connection.alias)
        for model in models:
            if rows.filter(app_label=source, model=model).exists():
                rows.filter(app_label=target, model=model).delete()
                rows.filter(app_label=source, model=model).update(app_label=target)

    def back(apps, schema_editor):
        move(apps, schema_editor, source=target, target=source)

    return migrations.RunPython(move, back, elidable=False)
