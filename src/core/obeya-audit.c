/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-area.h"
#include "obeya-audit.h"
#include "obeya-audit-item.h"
#include "obeya-audit-template.h"
#include "obeya-audits.h"
#include "obeya-audits-private.h"
#include "obeya-enums.h"
#include "obeya-board.h"
#include "obeya-card.h"
#include "obeya-column.h"
#include "obeya-folder-scan.h"
#include "obeya-history.h"
#include "obeya-tag.h"
#include "obeya-util.h"
#include "obeya-workspace.h"

/* The tag every corrective action gets (a Lean term, not translated). */
#define ACTION_TAG_NAME  "5S"
#define ACTION_TAG_COLOR "green"

typedef struct
{
  char       *card_id;
  const char *item_id; /* interned */
} ActionRef;

struct _ObeyaAudit
{
  ObeyaEntity         parent_instance;

  ObeyaArea          *area;
  ObeyaAuditTemplate *template_;
  guint               template_version;
  char               *auditor;
  ObeyaDay            date;
  ObeyaAuditState     state;
  char               *summary;
  gboolean            sample;
  GArray             *entries; /* of ObeyaAuditEntry */
  GArray             *log;     /* of ObeyaAuditEvent */
  GArray             *actions; /* of ActionRef */
  ObeyaScanResult    *scan;
};

G_DEFINE_FINAL_TYPE (ObeyaAudit, obeya_audit, OBEYA_TYPE_ENTITY)
G_DEFINE_QUARK (obeya-audit-error-quark, obeya_audit_error)

enum {
  PROP_0,
  PROP_AREA,
  PROP_TEMPLATE,
  PROP_TEMPLATE_VERSION,
  PROP_AUDITOR,
  PROP_DATE,
  PROP_STATE,
  PROP_SUMMARY,
  PROP_SAMPLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
entry_clear (gpointer data)
{
  ObeyaAuditEntry *entry = data;

  g_clear_pointer (&entry->note, g_free);
  g_clear_pointer (&entry->photos, g_strfreev);
}

static void
entry_copy (const ObeyaAuditEntry *src,
            ObeyaAuditEntry       *dst)
{
  dst->item_id = src->item_id;
  dst->score = src->score;
  dst->note = g_strdup (src->note);
  dst->photos = g_strdupv (src->photos);
}

static gboolean
entry_is_empty (const ObeyaAuditEntry *entry)
{
  return entry->score == OBEYA_SCORE_UNSCORED && entry->note == NULL && entry->photos == NULL;
}

static gboolean
entry_equal (const ObeyaAuditEntry *a,
             const ObeyaAuditEntry *b)
{
  return a->item_id == b->item_id && a->score == b->score &&
         g_strcmp0 (a->note, b->note) == 0 &&
         obeya_strv_equal ((const char * const *) a->photos, (const char * const *) b->photos);
}

static void
event_clear (gpointer data)
{
  ObeyaAuditEvent *event = data;

  g_clear_pointer (&event->person_id, g_free);
  g_clear_pointer (&event->reason, g_free);
}

static void
action_ref_clear (gpointer data)
{
  ActionRef *ref = data;

  g_clear_pointer (&ref->card_id, g_free);
}

static void
obeya_audit_dispose (GObject *object)
{
  ObeyaAudit *self = OBEYA_AUDIT (object);

  g_clear_object (&self->area);
  g_clear_object (&self->template_);

  G_OBJECT_CLASS (obeya_audit_parent_class)->dispose (object);
}

static void
obeya_audit_finalize (GObject *object)
{
  ObeyaAudit *self = OBEYA_AUDIT (object);

  g_clear_pointer (&self->auditor, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->log, g_array_unref);
  g_clear_pointer (&self->actions, g_array_unref);
  g_clear_pointer (&self->scan, obeya_scan_result_unref);

  G_OBJECT_CLASS (obeya_audit_parent_class)->finalize (object);
}

static void
obeya_audit_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ObeyaAudit *self = OBEYA_AUDIT (object);

  switch (prop_id)
    {
    case PROP_AREA:
      g_value_set_object (value, self->area);
      break;
    case PROP_TEMPLATE:
      g_value_set_object (value, self->template_);
      break;
    case PROP_TEMPLATE_VERSION:
      g_value_set_uint (value, self->template_version);
      break;
    case PROP_AUDITOR:
      g_value_set_string (value, self->auditor);
      break;
    case PROP_DATE:
      g_value_take_string (value, obeya_day_to_string (self->date));
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_SAMPLE:
      g_value_set_boolean (value, self->sample);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_audit_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ObeyaAudit *self = OBEYA_AUDIT (object);

  switch (prop_id)
    {
    case PROP_AREA:
      self->area = g_value_dup_object (value);
      break;
    case PROP_TEMPLATE:
      self->template_ = g_value_dup_object (value);
      break;
    case PROP_TEMPLATE_VERSION:
      if (self->template_version != g_value_get_uint (value))
        {
          self->template_version = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_AUDITOR:
      {
        const char *text = g_value_get_string (value);

        if (obeya_set_str (&self->auditor, text && text[0] ? text : NULL))
          g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_DATE:
      {
        const char *text = g_value_get_string (value);
        ObeyaDay date = OBEYA_DAY_NONE;

        if (text != NULL && !obeya_day_parse (text, &date))
          {
            g_critical ("Audit date “%s” is not a date (YYYY-MM-DD)", text);
            break;
          }
        if (date != self->date)
          {
            self->date = date;
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    case PROP_STATE:
      if (self->state != (ObeyaAuditState) g_value_get_enum (value))
        {
          self->state = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SUMMARY:
      {
        const char *text = g_value_get_string (value);

        if (obeya_set_str (&self->summary, text && text[0] ? text : NULL))
          g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_SAMPLE:
      if (self->sample != g_value_get_boolean (value))
        {
          self->sample = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_audit_class_init (ObeyaAuditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = obeya_audit_dispose;
  object_class->finalize = obeya_audit_finalize;
  object_class->get_property = obeya_audit_get_property;
  object_class->set_property = obeya_audit_set_property;

  properties[PROP_AREA] = g_param_spec_object ("area", NULL, NULL, OBEYA_TYPE_AREA, construct);
  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, OBEYA_TYPE_AUDIT_TEMPLATE, construct);
  /* The writable properties below change through the commands
   * (obeya_audit_set_summary()…), which refuse to touch a finished audit. */
  properties[PROP_TEMPLATE_VERSION] =
    g_param_spec_uint ("template-version", NULL, NULL, 0, G_MAXUINT32, 1, rw);
  properties[PROP_AUDITOR] = g_param_spec_string ("auditor", NULL, NULL, NULL, rw);
  /* "YYYY-MM-DD" */
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, rw);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, OBEYA_TYPE_AUDIT_STATE, OBEYA_AUDIT_DRAFT, rw);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, rw);
  properties[PROP_SAMPLE] = g_param_spec_boolean ("sample", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ObeyaAudit::changed:
   * @item_id: (nullable): the item whose entry changed, or NULL when the
   *   log, the scan evidence or the actions changed
   *
   * Emitted after a change that is not a property: an item's score, note or
   * photos, a log event, the scan evidence, the list of actions.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
obeya_audit_init (ObeyaAudit *self)
{
  self->template_version = 1;
  self->entries = g_array_new (FALSE, TRUE, sizeof (ObeyaAuditEntry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->log = g_array_new (FALSE, TRUE, sizeof (ObeyaAuditEvent));
  g_array_set_clear_func (self->log, event_clear);
  self->actions = g_array_new (FALSE, TRUE, sizeof (ActionRef));
  g_array_set_clear_func (self->actions, action_ref_clear);
}

ObeyaAudit *
obeya_audit_new (ObeyaArea  *area,
                 ObeyaDay    date,
                 const char *auditor_id)
{
  ObeyaAudit *self;
  ObeyaAuditTemplate *template_;

  g_return_val_if_fail (OBEYA_IS_AREA (area), NULL);
  template_ = obeya_area_get_template (area);
  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (template_), NULL);

  self = g_object_new (OBEYA_TYPE_AUDIT, "area", area, "template", template_, NULL);
  self->template_version = obeya_audit_template_get_version (template_);
  self->date = date;
  self->auditor = auditor_id && auditor_id[0] ? g_strdup (auditor_id) : NULL;
  return self;
}

/* ---- getters ------------------------------------------------------------- */

ObeyaArea *
obeya_audit_get_area (ObeyaAudit *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), NULL);
  return self->area;
}

ObeyaAuditTemplate *
obeya_audit_get_template (ObeyaAudit *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), NULL);
  return self->template_;
}

guint
obeya_audit_get_template_version (ObeyaAudit *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), 0);
  return self->template_version;
}

const char *
obeya_audit_get_auditor (ObeyaAudit *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), NULL);
  return self->auditor;
}

ObeyaDay
obeya_audit_get_date (ObeyaAudit *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), OBEYA_DAY_NONE);
  return self->date;
}

ObeyaAuditState
obeya_audit_get_state (ObeyaAudit *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), OBEYA_AUDIT_DRAFT);
  return self->state;
}

gboolean
obeya_audit_is_finished (ObeyaAudit *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), FALSE);
  return self->state == OBEYA_AUDIT_FINISHED;
}

const char *
obeya_audit_get_summary (ObeyaAudit *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), NULL);
  return self->summary;
}

gboolean
obeya_audit_get_sample (ObeyaAudit *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), FALSE);
  return self->sample;
}

ObeyaScanResult *
obeya_audit_get_scan (ObeyaAudit *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), NULL);
  return self->scan;
}

const ObeyaAuditEntry *
obeya_audit_get_entries (ObeyaAudit *self,
                         guint      *n_entries)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), NULL);

  if (n_entries != NULL)
    *n_entries = self->entries->len;
  return (const ObeyaAuditEntry *) self->entries->data;
}

static gboolean
find_entry (ObeyaAudit *self,
            const char *item_id,
            guint      *index)
{
  const char *interned = g_intern_string (item_id);

  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, ObeyaAuditEntry, i).item_id == interned)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

const ObeyaAuditEntry *
obeya_audit_get_entry (ObeyaAudit *self,
                       const char *item_id)
{
  guint index;

  g_return_val_if_fail (OBEYA_IS_AUDIT (self), NULL);

  if (item_id == NULL || !find_entry (self, item_id, &index))
    return NULL;
  return &g_array_index (self->entries, ObeyaAuditEntry, index);
}

gboolean
_obeya_audit_has_entry (ObeyaAudit *self,
                        const char *item_id)
{
  guint index;

  return find_entry (self, item_id, &index);
}

int
obeya_audit_get_score (ObeyaAudit *self,
                       const char *item_id)
{
  const ObeyaAuditEntry *entry = obeya_audit_get_entry (self, item_id);

  return entry ? entry->score : OBEYA_SCORE_UNSCORED;
}

GPtrArray *
obeya_audit_dup_items (ObeyaAudit *self)
{
  GListModel *items;
  GPtrArray *covered;
  guint n;

  g_return_val_if_fail (OBEYA_IS_AUDIT (self), NULL);

  items = obeya_audit_template_get_items (self->template_);
  n = g_list_model_get_n_items (items);
  covered = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      ObeyaAuditItem *item = g_list_model_get_item (items, i);
      gboolean in = _obeya_audit_has_entry (self, obeya_entity_get_id (OBEYA_ENTITY (item))) ||
                    (self->state == OBEYA_AUDIT_DRAFT && !obeya_audit_item_get_retired (item));

      if (in)
        g_ptr_array_add (covered, item);
      else
        g_object_unref (item);
    }
  return covered;
}

guint
obeya_audit_count_unscored (ObeyaAudit *self)
{
  g_autoptr(GPtrArray) active = NULL;
  guint count = 0;

  g_return_val_if_fail (OBEYA_IS_AUDIT (self), 0);

  active = obeya_audit_template_dup_active_items (self->template_);
  for (guint i = 0; i < active->len; i++)
    if (obeya_audit_get_score (self, obeya_entity_get_id (active->pdata[i])) == OBEYA_SCORE_UNSCORED)
      count++;
  return count;
}

const ObeyaAuditEvent *
obeya_audit_get_log (ObeyaAudit *self,
                     guint      *n_events)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), NULL);

  if (n_events != NULL)
    *n_events = self->log->len;
  return (const ObeyaAuditEvent *) self->log->data;
}

/* ---- entry changes ------------------------------------------------------- */

typedef struct
{
  ObeyaAudit      *audit;
  guint            index;
  gboolean         had_old;
  gboolean         has_new;
  ObeyaAuditEntry  old_entry;
  ObeyaAuditEntry  new_entry;
} EntryChange;

static void
entry_change_free (gpointer data)
{
  EntryChange *change = data;

  entry_clear (&change->old_entry);
  entry_clear (&change->new_entry);
  g_object_unref (change->audit);
  g_free (change);
}

static void
entry_set (ObeyaAudit            *self,
           guint                  index,
           gboolean               was_there,
           gboolean               will_be_there,
           const ObeyaAuditEntry *value)
{
  ObeyaAuditEntry copy = { NULL, };
  const char *item_id = value->item_id;

  if (will_be_there)
    entry_copy (value, &copy);

  if (was_there && will_be_there)
    {
      entry_clear (&g_array_index (self->entries, ObeyaAuditEntry, index));
      g_array_index (self->entries, ObeyaAuditEntry, index) = copy;
    }
  else if (will_be_there)
    g_array_insert_val (self->entries, index, copy);
  else if (was_there)
    g_array_remove_index (self->entries, index);

  g_signal_emit (self, signals[CHANGED], 0, item_id);
}

static void
entry_change_apply (gpointer data)
{
  EntryChange *change = data;

  entry_set (change->audit, change->index, change->had_old, change->has_new,
             change->has_new ? &change->new_entry : &change->old_entry);
}

static void
entry_change_revert (gpointer data)
{
  EntryChange *change = data;

  entry_set (change->audit, change->index, change->has_new, change->had_old,
             change->had_old ? &change->old_entry : &change->new_entry);
}

/* Records the entry of @value->item_id becoming @value (removed when empty). */
static void
record_entry (ObeyaAudit            *self,
              const char            *label,
              const ObeyaAuditEntry *value)
{
  g_autoptr(ObeyaHistory) history = NULL;
  EntryChange *change;
  guint index;
  gboolean had_old = find_entry (self, value->item_id, &index);

  if (had_old && entry_equal (&g_array_index (self->entries, ObeyaAuditEntry, index), value))
    return;
  if (!had_old && entry_is_empty (value))
    return;

  change = g_new0 (EntryChange, 1);
  change->audit = g_object_ref (self);
  change->index = had_old ? index : self->entries->len;
  change->had_old = had_old;
  change->has_new = !entry_is_empty (value);
  if (had_old)
    entry_copy (&g_array_index (self->entries, ObeyaAuditEntry, index), &change->old_entry);
  entry_copy (value, &change->new_entry);

  history = _obeya_audits_ref_history (self);
  obeya_history_begin (history, label);
  obeya_history_custom (history, entry_change_apply, entry_change_revert, change,
                        entry_change_free);
  obeya_history_end (history);
}

/* The current entry of @item_id (an empty one when there is none), for a
 * command to modify and record; FALSE when the item cannot take one. */
static gboolean
prepare_entry (ObeyaAudit      *self,
               const char      *item_id,
               ObeyaAuditEntry *entry)
{
  const ObeyaAuditEntry *current;
  ObeyaAuditItem *item;

  if (self->state == OBEYA_AUDIT_FINISHED || item_id == NULL)
    return FALSE;
  item = obeya_audit_template_find_item (self->template_, item_id);
  if (item == NULL)
    return FALSE;

  current = obeya_audit_get_entry (self, item_id);
  /* A retired item takes no new entry, but an existing one stays editable. */
  if (current == NULL && obeya_audit_item_get_retired (item))
    return FALSE;

  if (current != NULL)
    entry_copy (current, entry);
  else
    {
      entry->item_id = g_intern_string (item_id);
      entry->score = OBEYA_SCORE_UNSCORED;
      entry->note = NULL;
      entry->photos = NULL;
    }
  return TRUE;
}

gboolean
obeya_audit_set_score (ObeyaAudit *self,
                       const char *item_id,
                       int         score)
{
  ObeyaAuditEntry entry = { NULL, };
  ObeyaAuditItem *item;

  g_return_val_if_fail (OBEYA_IS_AUDIT (self), FALSE);

  if (score != OBEYA_SCORE_UNSCORED && score != OBEYA_SCORE_NA &&
      (score < 0 || score > OBEYA_SCORE_MAX))
    return FALSE;
  if (!prepare_entry (self, item_id, &entry))
    return FALSE;
  item = obeya_audit_template_find_item (self->template_, item_id);
  if (score == OBEYA_SCORE_NA && !obeya_audit_item_get_allows_na (item))
    {
      entry_clear (&entry);
      return FALSE;
    }

  entry.score = score;
  record_entry (self, _("Score audit item"), &entry);
  entry_clear (&entry);
  return TRUE;
}

gboolean
obeya_audit_set_note (ObeyaAudit *self,
                      const char *item_id,
                      const char *note)
{
  ObeyaAuditEntry entry = { NULL, };

  g_return_val_if_fail (OBEYA_IS_AUDIT (self), FALSE);

  if (!prepare_entry (self, item_id, &entry))
    return FALSE;
  obeya_set_str (&entry.note, note && note[0] ? note : NULL);
  record_entry (self, _("Edit audit note"), &entry);
  entry_clear (&entry);
  return TRUE;
}

gboolean
obeya_audit_set_photos (ObeyaAudit         *self,
                        const char         *item_id,
                        const char * const *photos)
{
  ObeyaAuditEntry entry = { NULL, };

  g_return_val_if_fail (OBEYA_IS_AUDIT (self), FALSE);

  for (guint i = 0; photos != NULL && photos[i] != NULL; i++)
    if (photos[i][0] == '\0' || g_path_is_absolute (photos[i]))
      return FALSE;
  if (!prepare_entry (self, item_id, &entry))
    return FALSE;
  g_clear_pointer (&entry.photos, g_strfreev);
  if (photos != NULL && photos[0] != NULL)
    entry.photos = g_strdupv ((char **) photos);
  record_entry (self, _("Change audit photos"), &entry);
  entry_clear (&entry);
  return TRUE;
}

/* ---- property commands --------------------------------------------------- */

static gboolean
edit_property (ObeyaAudit   *self,
               const char   *label,
               const char   *property,
               const GValue *value)
{
  if (self->state == OBEYA_AUDIT_FINISHED)
    return FALSE;
  obeya_entity_edit_value (OBEYA_ENTITY (self), label, property, value);
  return TRUE;
}

static gboolean
edit_string (ObeyaAudit *self,
             const char *label,
             const char *property,
             const char *text)
{
  GValue value = G_VALUE_INIT;
  gboolean ok;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  ok = edit_property (self, label, property, &value);
  g_value_unset (&value);
  return ok;
}

gboolean
obeya_audit_set_summary (ObeyaAudit *self,
                         const char *summary)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), FALSE);
  return edit_string (self, _("Edit audit summary"), "summary", summary);
}

gboolean
obeya_audit_set_auditor (ObeyaAudit *self,
                         const char *person_id)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), FALSE);
  return edit_string (self, _("Change auditor"), "auditor", person_id);
}

gboolean
obeya_audit_set_date (ObeyaAudit *self,
                      ObeyaDay    date)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (OBEYA_IS_AUDIT (self), FALSE);
  g_return_val_if_fail (date != OBEYA_DAY_NONE, FALSE);

  text = obeya_day_to_string (date);
  return edit_string (self, _("Change audit date"), "date", text);
}

/* ---- scan evidence ------------------------------------------------------- */

typedef struct
{
  ObeyaAudit      *audit;
  ObeyaScanResult *old_scan;
  ObeyaScanResult *new_scan;
} ScanChange;

static void
scan_change_free (gpointer data)
{
  ScanChange *change = data;

  g_clear_pointer (&change->old_scan, obeya_scan_result_unref);
  g_clear_pointer (&change->new_scan, obeya_scan_result_unref);
  g_object_unref (change->audit);
  g_free (change);
}

static void
set_scan (ObeyaAudit      *self,
          ObeyaScanResult *scan)
{
  if (scan != NULL)
    obeya_scan_result_ref (scan);
  g_clear_pointer (&self->scan, obeya_scan_result_unref);
  self->scan = scan;
  g_signal_emit (self, signals[CHANGED], 0, NULL);
}

static void
scan_change_apply (gpointer data)
{
  ScanChange *change = data;

  set_scan (change->audit, change->new_scan);
}

static void
scan_change_revert (gpointer data)
{
  ScanChange *change = data;

  set_scan (change->audit, change->old_scan);
}

gboolean
obeya_audit_set_scan (ObeyaAudit      *self,
                      ObeyaScanResult *scan)
{
  g_autoptr(ObeyaHistory) history = NULL;
  ScanChange *change;

  g_return_val_if_fail (OBEYA_IS_AUDIT (self), FALSE);

  if (self->state == OBEYA_AUDIT_FINISHED)
    return FALSE;
  if (scan == self->scan)
    return TRUE;

  change = g_new0 (ScanChange, 1);
  change->audit = g_object_ref (self);
  change->old_scan = self->scan ? obeya_scan_result_ref (self->scan) : NULL;
  change->new_scan = scan ? obeya_scan_result_ref (scan) : NULL;
  history = _obeya_audits_ref_history (self);
  obeya_history_begin (history, scan ? _("Attach folder scan") : _("Remove folder scan"));
  obeya_history_custom (history, scan_change_apply, scan_change_revert, change, scan_change_free);
  obeya_history_end (history);
  return TRUE;
}

char *
obeya_audit_describe_evidence (ObeyaAudit     *self,
                               ObeyaAuditItem *item)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), NULL);
  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM (item), NULL);

  if (self->scan == NULL || obeya_audit_item_get_evidence (item) == OBEYA_SCAN_EVIDENCE_NONE)
    return NULL;
  return obeya_scan_result_describe (self->scan, obeya_audit_item_get_evidence (item));
}

/* ---- finish and reopen --------------------------------------------------- */

typedef struct
{
  ObeyaAudit      *audit;
  ObeyaAuditEvent  event;
} LogChange;

static void
log_change_free (gpointer data)
{
  LogChange *change = data;

  event_clear (&change->event);
  g_object_unref (change->audit);
  g_free (change);
}

static void
log_change_apply (gpointer data)
{
  LogChange *change = data;
  ObeyaAuditEvent event = change->event;

  event.person_id = g_strdup (change->event.person_id);
  event.reason = g_strdup (change->event.reason);
  g_array_append_val (change->audit->log, event);
  g_signal_emit (change->audit, signals[CHANGED], 0, NULL);
}

static void
log_change_revert (gpointer data)
{
  LogChange *change = data;

  g_array_remove_index (change->audit->log, change->audit->log->len - 1);
  g_signal_emit (change->audit, signals[CHANGED], 0, NULL);
}

static void
record_event (ObeyaAudit          *self,
              ObeyaHistory        *history,
              ObeyaTimestamp       time,
              ObeyaAuditEventKind  kind,
              const char          *person_id,
              const char          *reason)
{
  LogChange *change = g_new0 (LogChange, 1);

  change->audit = g_object_ref (self);
  change->event.time = time;
  change->event.kind = kind;
  change->event.person_id = g_strdup (person_id && person_id[0] ? person_id : NULL);
  change->event.reason = g_strdup (reason && reason[0] ? reason : NULL);
  obeya_history_custom (history, log_change_apply, log_change_revert, change, log_change_free);
}

static void
record_state (ObeyaAudit      *self,
              ObeyaHistory    *history,
              ObeyaAuditState  state)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, OBEYA_TYPE_AUDIT_STATE);
  g_value_set_enum (&value, state);
  obeya_history_set_property (history, G_OBJECT (self), "state", &value);
  g_value_unset (&value);
}

gboolean
obeya_audit_finish (ObeyaAudit  *self,
                    GError     **error)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT (self), FALSE);

  return _obeya_audit_finish_at (self, obeya_timestamp_now (), error);
}

gboolean
_obeya_audit_finish_at (ObeyaAudit      *self,
                        ObeyaTimestamp   time,
                        GError         **error)
{
  g_autoptr(ObeyaHistory) history = NULL;
  GValue version = G_VALUE_INIT;
  guint unscored;

  if (self->state == OBEYA_AUDIT_FINISHED)
    {
      g_set_error (error, OBEYA_AUDIT_ERROR, OBEYA_AUDIT_ERROR_FINISHED,
                   _("This audit is already finished"));
      return FALSE;
    }
  unscored = obeya_audit_count_unscored (self);
  if (unscored > 0)
    {
      g_set_error (error, OBEYA_AUDIT_ERROR, OBEYA_AUDIT_ERROR_INCOMPLETE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u item is not scored yet: score it or mark it N/A",
                                "%u items are not scored yet: score them or mark them N/A",
                                unscored),
                   unscored);
      return FALSE;
    }

  history = _obeya_audits_ref_history (self);
  obeya_history_begin (history, _("Finish audit"));
  g_value_init (&version, G_TYPE_UINT);
  g_value_set_uint (&version, obeya_audit_template_get_version (self->template_));
  obeya_history_set_property (history, G_OBJECT (self), "template-version", &version);
  g_value_unset (&version);
  record_state (self, history, OBEYA_AUDIT_FINISHED);
  record_event (self, history, time, OBEYA_AUDIT_EVENT_FINISHED, self->auditor, NULL);
  obeya_history_end (history);
  return TRUE;
}

gboolean
obeya_audit_reopen (ObeyaAudit *self,
                    const char *person_id,
                    const char *reason)
{
  g_autoptr(ObeyaHistory) history = NULL;

  g_return_val_if_fail (OBEYA_IS_AUDIT (self), FALSE);

  if (self->state != OBEYA_AUDIT_FINISHED)
    return FALSE;

  history = _obeya_audits_ref_history (self);
  obeya_history_begin (history, _("Reopen audit"));
  record_state (self, history, OBEYA_AUDIT_DRAFT);
  record_event (self, history, obeya_timestamp_now (), OBEYA_AUDIT_EVENT_REOPENED, person_id,
                reason);
  obeya_history_end (history);
  return TRUE;
}

/* ---- corrective actions -------------------------------------------------- */

typedef struct
{
  ObeyaAudit *audit;
  char       *card_id;
  const char *item_id;
} ActionChange;

static void
action_change_free (gpointer data)
{
  ActionChange *change = data;

  g_free (change->card_id);
  g_object_unref (change->audit);
  g_free (change);
}

static void
action_change_apply (gpointer data)
{
  ActionChange *change = data;
  ActionRef ref = { g_strdup (change->card_id), change->item_id };

  g_array_append_val (change->audit->actions, ref);
  g_signal_emit (change->audit, signals[CHANGED], 0, NULL);
}

static void
action_change_revert (gpointer data)
{
  ActionChange *change = data;

  g_array_remove_index (change->audit->actions, change->audit->actions->len - 1);
  g_signal_emit (change->audit, signals[CHANGED], 0, NULL);
}

ObeyaCard *
obeya_audit_raise_action (ObeyaAudit *self,
                          const char *item_id,
                          ObeyaBoard *board,
                          const char *title,
                          const char *description,
                          ObeyaDay    due,
                          const char *owner_id)
{
  ObeyaWorkspace *workspace;
  ObeyaHistory *history;
  ObeyaAuditItem *item;
  ObeyaColumn *column;
  ObeyaTag *tag;
  g_autoptr(ObeyaCard) card = NULL;
  const char *tag_ids[2] = { NULL, NULL };
  const char *owner_ids[2] = { owner_id, NULL };
  ActionChange *change;

  g_return_val_if_fail (OBEYA_IS_AUDIT (self), NULL);
  g_return_val_if_fail (OBEYA_IS_BOARD (board), NULL);

  workspace = obeya_entity_get_workspace (OBEYA_ENTITY (self));
  g_return_val_if_fail (workspace != NULL, NULL);
  g_return_val_if_fail (obeya_board_get_workspace (board) == workspace, NULL);
  item = obeya_audit_template_find_item (self->template_, item_id);
  g_return_val_if_fail (item != NULL, NULL);

  column = obeya_board_get_first_column_with_role (board, OBEYA_COLUMN_ROLE_BACKLOG);
  if (column == NULL && g_list_model_get_n_items (obeya_board_get_columns (board)) > 0)
    {
      column = g_list_model_get_item (obeya_board_get_columns (board), 0);
      g_object_unref (column); /* the board keeps it */
    }
  g_return_val_if_fail (column != NULL, NULL);

  history = obeya_workspace_get_history (workspace);
  obeya_history_begin (history, _("Raise corrective action"));

  tag = obeya_workspace_find_tag_by_name (workspace, ACTION_TAG_NAME);
  if (tag == NULL)
    tag = obeya_workspace_add_tag (workspace, ACTION_TAG_NAME, ACTION_TAG_COLOR);
  tag_ids[0] = obeya_entity_get_id (OBEYA_ENTITY (tag));

  card = obeya_card_new (title && title[0] ? title : obeya_audit_item_get_question (item));
  g_object_set (card,
                "description", description && description[0] ? description : NULL,
                "tags", tag_ids,
                "assignees", owner_id && owner_id[0] ? owner_ids : NULL,
                NULL);
  if (due != OBEYA_DAY_NONE)
    {
      g_autofree char *text = obeya_day_to_string (due);
      g_object_set (card, "due", text, NULL);
    }
  obeya_board_insert_card (board, card, column, NULL, -1);
  obeya_card_add_link (card, "audit", obeya_entity_get_id (OBEYA_ENTITY (self)),
                       obeya_entity_get_id (OBEYA_ENTITY (item)));

  change = g_new0 (ActionChange, 1);
  change->audit = g_object_ref (self);
  change->card_id = g_strdup (obeya_entity_get_id (OBEYA_ENTITY (card)));
  change->item_id = g_intern_string (item_id);
  obeya_history_custom (history, action_change_apply, action_change_revert, change,
                        action_change_free);

  obeya_history_end (history);
  return card;
}

GArray *
obeya_audit_list_actions (ObeyaAudit *self)
{
  ObeyaWorkspace *workspace;
  GArray *actions;

  g_return_val_if_fail (OBEYA_IS_AUDIT (self), NULL);

  workspace = obeya_entity_get_workspace (OBEYA_ENTITY (self));
  actions = g_array_sized_new (FALSE, TRUE, sizeof (ObeyaAuditAction), self->actions->len);
  for (guint i = 0; i < self->actions->len; i++)
    {
      const ActionRef *ref = &g_array_index (self->actions, ActionRef, i);
      ObeyaAuditAction action = { ref->card_id, ref->item_id, NULL, NULL, FALSE, FALSE };
      ObeyaCard *card = workspace ? obeya_workspace_find_card (workspace, ref->card_id) : NULL;

      if (card != NULL)
        {
          ObeyaColumn *column = obeya_card_get_column (card);

          action.card = card;
          action.column_name = column ? obeya_column_get_name (column) : NULL;
          action.done = obeya_card_is_done (card);
          action.archived = obeya_card_get_archived (card);
        }
      g_array_append_val (actions, action);
    }
  return actions;
}

/* ---- photos -------------------------------------------------------------- */

GFile *
obeya_audit_resolve_photo (GFile      *workspace_file,
                           const char *path)
{
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (G_IS_FILE (workspace_file), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  folder = g_file_get_parent (workspace_file);
  if (folder == NULL)
    return NULL;
  return g_file_resolve_relative_path (folder, path);
}

char *
obeya_audit_make_photo_path (GFile *workspace_file,
                             GFile *photo)
{
  g_autoptr(GFile) ancestor = NULL;
  g_autoptr(GString) path = NULL;
  g_autofree char *rest = NULL;

  g_return_val_if_fail (G_IS_FILE (workspace_file), NULL);
  g_return_val_if_fail (G_IS_FILE (photo), NULL);

  ancestor = g_file_get_parent (workspace_file);
  path = g_string_new (NULL);
  while (ancestor != NULL && !g_file_has_prefix (photo, ancestor))
    {
      GFile *parent = g_file_get_parent (ancestor);

      g_string_append (path, "../");
      g_object_unref (ancestor);
      ancestor = parent;
    }
  if (ancestor == NULL)
    return NULL;

  rest = g_file_get_relative_path (ancestor, photo);
  if (rest == NULL)
    return NULL;
  g_string_append (path, rest);
  return g_strdup (path->str);
}

/* ---- JSON ---------------------------------------------------------------- */

static const char * const audit_members[] = {
  "id", "area", "template", "template_version", "auditor", "date", "state", "summary", "sample",
  "scores", "scan", "actions", "log", NULL
};

void
_obeya_audit_write (ObeyaAudit      *self,
                    ObeyaJsonWriter *writer)
{
  JsonObject *extra = obeya_entity_get_extra (OBEYA_ENTITY (self));
  char buf[OBEYA_TIMESTAMP_BUF_SIZE];

  obeya_json_writer_begin_object (writer);
  obeya_json_writer_member_string (writer, "id", obeya_entity_get_id (OBEYA_ENTITY (self)));
  obeya_json_writer_member_string (writer, "area", obeya_entity_get_id (OBEYA_ENTITY (self->area)));
  obeya_json_writer_member_string (writer, "template",
                                   obeya_entity_get_id (OBEYA_ENTITY (self->template_)));
  obeya_json_writer_member_int (writer, "template_version", self->template_version);
  if (self->auditor != NULL)
    obeya_json_writer_member_string (writer, "auditor", self->auditor);
  obeya_json_writer_member_string (writer, "date", obeya_day_format (self->date, buf));
  obeya_json_writer_member_string (writer, "state",
                                   obeya_enum_to_nick (OBEYA_TYPE_AUDIT_STATE, self->state));
  if (self->summary != NULL)
    obeya_json_writer_member_string (writer, "summary", self->summary);
  if (self->sample)
    obeya_json_writer_member_boolean (writer, "sample", TRUE);

  obeya_json_writer_member (writer, "scores");
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const ObeyaAuditEntry *entry = &g_array_index (self->entries, ObeyaAuditEntry, i);

      obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
      obeya_json_writer_string (writer, entry->item_id);
      if (entry->score == OBEYA_SCORE_NA)
        obeya_json_writer_string (writer, "na");
      else if (entry->score == OBEYA_SCORE_UNSCORED)
        obeya_json_writer_null (writer);
      else
        obeya_json_writer_int (writer, entry->score);
      if (entry->note != NULL || entry->photos != NULL)
        obeya_json_writer_string (writer, entry->note);
      if (entry->photos != NULL)
        {
          obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
          for (guint p = 0; entry->photos[p] != NULL; p++)
            obeya_json_writer_string (writer, entry->photos[p]);
          obeya_json_writer_end_array (writer);
        }
      obeya_json_writer_end_array (writer);
    }
  obeya_json_writer_end_array (writer);

  if (self->scan != NULL)
    {
      obeya_json_writer_member (writer, "scan");
      _obeya_scan_result_write (self->scan, writer);
    }

  if (self->actions->len > 0)
    {
      obeya_json_writer_member (writer, "actions");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
      for (guint i = 0; i < self->actions->len; i++)
        {
          const ActionRef *ref = &g_array_index (self->actions, ActionRef, i);

          obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
          obeya_json_writer_string (writer, ref->card_id);
          obeya_json_writer_string (writer, ref->item_id);
          obeya_json_writer_end_array (writer);
        }
      obeya_json_writer_end_array (writer);
    }

  if (self->log->len > 0)
    {
      obeya_json_writer_member (writer, "log");
      obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
      for (guint i = 0; i < self->log->len; i++)
        {
          const ObeyaAuditEvent *event = &g_array_index (self->log, ObeyaAuditEvent, i);

          obeya_json_writer_begin_array (writer, OBEYA_JSON_INLINE);
          obeya_json_writer_string (writer, obeya_timestamp_format (event->time, buf));
          obeya_json_writer_string (writer, obeya_enum_to_nick (OBEYA_TYPE_AUDIT_EVENT_KIND,
                                                                event->kind));
          obeya_json_writer_string (writer, event->person_id);
          if (event->reason != NULL)
            obeya_json_writer_string (writer, event->reason);
          obeya_json_writer_end_array (writer);
        }
      obeya_json_writer_end_array (writer);
    }

  if (extra != NULL)
    obeya_json_writer_members_of (writer, extra);
  obeya_json_writer_end_object (writer);
}

static void
read_entry (ObeyaLoadContext *ctx,
            ObeyaAudit       *self,
            JsonArray        *array)
{
  ObeyaJsonReader *r = ctx->reader;
  guint length = json_array_get_length (array);
  ObeyaAuditEntry entry = { NULL, OBEYA_SCORE_UNSCORED, NULL, NULL };
  const char *item_id;
  ObeyaAuditItem *item;
  JsonNode *node;

  item_id = obeya_json_reader_array_string (r, array, 0, FALSE);
  if (item_id == NULL)
    return;
  item = obeya_audit_template_find_item (self->template_, item_id);
  if (item == NULL)
    {
      obeya_json_reader_fail (r, NULL, _("no item with id “%s” in the audit's template"), item_id);
      return;
    }
  if (_obeya_audit_has_entry (self, item_id))
    {
      obeya_json_reader_fail (r, NULL, _("item “%s” is scored twice"), item_id);
      return;
    }
  entry.item_id = g_intern_string (item_id);

  node = length > 1 ? json_array_get_element (array, 1) : NULL;
  if (node == NULL)
    {
      obeya_json_reader_fail (r, NULL, _("expected [item, score, note, photos]"));
      return;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      if (g_strcmp0 (json_node_get_string (node), "na") != 0)
        {
          obeya_json_reader_fail (r, NULL, _("a score is 0 to 4, \"na\" or null"));
          return;
        }
      entry.score = OBEYA_SCORE_NA;
    }
  else if (!JSON_NODE_HOLDS_NULL (node))
    {
      entry.score = obeya_json_reader_array_int (r, array, 1, 0, OBEYA_SCORE_MAX);
      if (obeya_json_reader_failed (r))
        return;
    }

  if (length > 2)
    entry.note = g_strdup (obeya_json_reader_array_string (r, array, 2, TRUE));
  if (length > 3)
    {
      JsonArray *photos = obeya_json_reader_array_array (r, array, 3);
      guint n = photos ? json_array_get_length (photos) : 0;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      obeya_json_reader_push_index (r, 3);
      for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
        {
          const char *path = obeya_json_reader_array_string (r, photos, i, FALSE);

          if (path != NULL && (path[0] == '\0' || g_path_is_absolute (path)))
            {
              obeya_json_reader_push_index (r, i);
              obeya_json_reader_fail (r, NULL, _("“%s”: photo paths are relative to the "
                                                 "workspace file's folder"), path);
              obeya_json_reader_pop (r);
            }
          else if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      obeya_json_reader_pop (r);
      if (n > 0)
        entry.photos = g_strv_builder_end (builder);
    }

  if (obeya_json_reader_failed (r))
    {
      entry_clear (&entry);
      return;
    }
  g_array_append_val (self->entries, entry);
}

static void
read_event (ObeyaLoadContext *ctx,
            ObeyaAudit       *self,
            JsonArray        *array)
{
  ObeyaJsonReader *r = ctx->reader;
  ObeyaAuditEvent event = { OBEYA_TIMESTAMP_NONE, OBEYA_AUDIT_EVENT_FINISHED, NULL, NULL };
  const char *time, *kind;
  int value;

  time = obeya_json_reader_array_string (r, array, 0, FALSE);
  kind = obeya_json_reader_array_string (r, array, 1, FALSE);
  if (time != NULL && !obeya_timestamp_parse (time, &event.time))
    obeya_json_reader_fail (r, NULL, _("“%s” is not a timestamp"), time);
  if (kind != NULL && !obeya_enum_from_nick (OBEYA_TYPE_AUDIT_EVENT_KIND, kind, &value))
    obeya_json_reader_fail (r, NULL, _("unknown event “%s” (expected finished or reopened)"), kind);
  if (obeya_json_reader_failed (r))
    return;
  event.kind = value;
  if (json_array_get_length (array) > 2)
    event.person_id = g_strdup (obeya_json_reader_array_string (r, array, 2, TRUE));
  if (json_array_get_length (array) > 3)
    event.reason = g_strdup (obeya_json_reader_array_string (r, array, 3, TRUE));
  g_array_append_val (self->log, event);
}

static void
read_action (ObeyaLoadContext *ctx,
             ObeyaAudit       *self,
             JsonArray        *array)
{
  ObeyaJsonReader *r = ctx->reader;
  const char *card_id = obeya_json_reader_array_string (r, array, 0, FALSE);
  const char *item_id = obeya_json_reader_array_string (r, array, 1, FALSE);
  ActionRef ref;

  if (card_id == NULL || item_id == NULL)
    return;
  /* The card may have been deleted since: the reference is kept and
   * reported as missing, never an error. */
  ref.card_id = g_strdup (card_id);
  ref.item_id = g_intern_string (item_id);
  g_array_append_val (self->actions, ref);
}

/* Calls @read_one on each element (an array) of the array member @name. */
static void
read_rows (ObeyaLoadContext *ctx,
           ObeyaAudit       *self,
           JsonObject       *object,
           const char       *name,
           void            (*read_one) (ObeyaLoadContext *ctx,
                                        ObeyaAudit       *self,
                                        JsonArray        *row))
{
  ObeyaJsonReader *r = ctx->reader;
  JsonArray *array = obeya_json_reader_get_array (r, object, name, FALSE);
  guint n = array ? json_array_get_length (array) : 0;

  obeya_json_reader_push_member (r, name);
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      JsonArray *row = obeya_json_reader_array_array (r, array, i);

      if (row == NULL)
        break;
      obeya_json_reader_push_index (r, i);
      read_one (ctx, self, row);
      obeya_json_reader_pop (r);
    }
  obeya_json_reader_pop (r);
}

ObeyaAudit *
_obeya_audit_read (ObeyaLoadContext *ctx,
                   JsonObject       *object,
                   ObeyaAudits      *audits)
{
  ObeyaJsonReader *r = ctx->reader;
  g_autoptr(ObeyaAudit) self = NULL;
  const char *id, *area_id, *template_id, *state;
  ObeyaArea *area = NULL;
  ObeyaAuditTemplate *template_ = NULL;
  JsonObject *scan;
  int value;

  id = _obeya_load_context_read_id (ctx, object);
  if (id == NULL)
    return NULL;

  area_id = obeya_json_reader_get_string (r, object, "area", TRUE);
  if (area_id != NULL && (area = obeya_audits_find_area (audits, area_id)) == NULL)
    obeya_json_reader_fail (r, "area", _("no 5S area with id “%s”"), area_id);
  template_id = obeya_json_reader_get_string (r, object, "template", TRUE);
  if (template_id != NULL && (template_ = obeya_audits_find_template (audits, template_id)) == NULL)
    obeya_json_reader_fail (r, "template", _("no 5S template with id “%s”"), template_id);
  if (obeya_json_reader_failed (r))
    return NULL;

  self = g_object_new (OBEYA_TYPE_AUDIT, "id", id, "area", area, "template", template_, NULL);
  self->template_version = obeya_json_reader_get_int (r, object, "template_version", TRUE,
                                                      1, G_MAXUINT32, 1);
  self->auditor = g_strdup (obeya_json_reader_get_string (r, object, "auditor", FALSE));
  self->date = _obeya_read_day_member (ctx, object, "date", TRUE);
  state = obeya_json_reader_get_string (r, object, "state", TRUE);
  if (state != NULL && !obeya_enum_from_nick (OBEYA_TYPE_AUDIT_STATE, state, &value))
    obeya_json_reader_fail (r, "state", _("unknown state “%s” (expected draft or finished)"),
                            state);
  else if (state != NULL)
    self->state = value;
  self->summary = g_strdup (obeya_json_reader_get_string (r, object, "summary", FALSE));
  self->sample = obeya_json_reader_get_boolean (r, object, "sample", FALSE);

  read_rows (ctx, self, object, "scores", read_entry);
  scan = obeya_json_reader_get_object (r, object, "scan", FALSE);
  if (scan != NULL)
    {
      obeya_json_reader_push_member (r, "scan");
      self->scan = _obeya_scan_result_read (ctx, scan);
      obeya_json_reader_pop (r);
    }
  read_rows (ctx, self, object, "actions", read_action);
  read_rows (ctx, self, object, "log", read_event);

  obeya_entity_take_extra (OBEYA_ENTITY (self), obeya_json_collect_unknown (object, audit_members));

  if (obeya_json_reader_failed (r))
    return NULL;
  return g_steal_pointer (&self);
}
