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
#include "obeya-history.h"
#include "obeya-link.h"
#include "obeya-person.h"
#include "obeya-workspace.h"

struct _ObeyaAudits
{
  GObject         parent_instance;

  ObeyaWorkspace *workspace;      /* unowned: it owns us */
  GListStore     *templates;      /* of ObeyaAuditTemplate */
  GListStore     *areas;          /* of ObeyaArea */
  GListStore     *audits;         /* of ObeyaAudit */
  GHashTable     *template_index; /* id → entity (unowned), for each store */
  GHashTable     *area_index;
  GHashTable     *audit_index;
};

G_DEFINE_FINAL_TYPE (ObeyaAudits, obeya_audits, G_TYPE_OBJECT)

static void
obeya_audits_dispose (GObject *object)
{
  ObeyaAudits *self = OBEYA_AUDITS (object);

  /* Audits hold their area and template, areas their template. */
  g_clear_object (&self->audits);
  g_clear_object (&self->areas);
  g_clear_object (&self->templates);

  G_OBJECT_CLASS (obeya_audits_parent_class)->dispose (object);
}

static void
obeya_audits_finalize (GObject *object)
{
  ObeyaAudits *self = OBEYA_AUDITS (object);

  g_clear_pointer (&self->template_index, g_hash_table_unref);
  g_clear_pointer (&self->area_index, g_hash_table_unref);
  g_clear_pointer (&self->audit_index, g_hash_table_unref);

  G_OBJECT_CLASS (obeya_audits_parent_class)->finalize (object);
}

static void
obeya_audits_class_init (ObeyaAuditsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = obeya_audits_dispose;
  object_class->finalize = obeya_audits_finalize;
}

static void
store_changed (ObeyaAudits *self,
               GListModel  *model,
               guint        position,
               guint        added,
               GHashTable  *index)
{
  guint n = g_list_model_get_n_items (model);

  /* Entities name the workspace as their parent, so that
   * obeya_entity_get_workspace() and the history work for them. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(ObeyaEntity) entity = g_list_model_get_item (model, i);
      obeya_entity_set_parent (entity, G_OBJECT (self->workspace));
    }

  g_hash_table_remove_all (index);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaEntity) entity = g_list_model_get_item (model, i);
      g_hash_table_insert (index, (gpointer) obeya_entity_get_id (entity), entity);
    }
}

static void
templates_changed_cb (GListModel  *model,
                      guint        position,
                      guint        removed,
                      guint        added,
                      ObeyaAudits *self)
{
  store_changed (self, model, position, added, self->template_index);
}

static void
areas_changed_cb (GListModel  *model,
                  guint        position,
                  guint        removed,
                  guint        added,
                  ObeyaAudits *self)
{
  store_changed (self, model, position, added, self->area_index);
}

static void
audits_changed_cb (GListModel  *model,
                   guint        position,
                   guint        removed,
                   guint        added,
                   ObeyaAudits *self)
{
  store_changed (self, model, position, added, self->audit_index);
}

static void
obeya_audits_init (ObeyaAudits *self)
{
  self->templates = g_list_store_new (OBEYA_TYPE_AUDIT_TEMPLATE);
  self->areas = g_list_store_new (OBEYA_TYPE_AREA);
  self->audits = g_list_store_new (OBEYA_TYPE_AUDIT);
  self->template_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->area_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->audit_index = g_hash_table_new (g_str_hash, g_str_equal);

  g_signal_connect_object (self->templates, "items-changed",
                           G_CALLBACK (templates_changed_cb), self, 0);
  g_signal_connect_object (self->areas, "items-changed", G_CALLBACK (areas_changed_cb), self, 0);
  g_signal_connect_object (self->audits, "items-changed", G_CALLBACK (audits_changed_cb), self, 0);
}

ObeyaAudits *
_obeya_audits_new (ObeyaWorkspace *workspace)
{
  ObeyaAudits *self = g_object_new (OBEYA_TYPE_AUDITS, NULL);

  self->workspace = workspace;
  return self;
}

ObeyaHistory *
_obeya_audits_ref_history (gpointer entity)
{
  ObeyaHistory *history = obeya_entity_get_history (OBEYA_ENTITY (entity));

  return history ? g_object_ref (history) : obeya_history_new ();
}

ObeyaAudits *
_obeya_audits_for_entity (gpointer entity)
{
  ObeyaWorkspace *workspace = obeya_entity_get_workspace (OBEYA_ENTITY (entity));

  return workspace ? obeya_workspace_get_audits (workspace) : NULL;
}

static ObeyaHistory *
history (ObeyaAudits *self)
{
  return obeya_workspace_get_history (self->workspace);
}

/* ---- getters ------------------------------------------------------------- */

ObeyaWorkspace *
obeya_audits_get_workspace (ObeyaAudits *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);
  return self->workspace;
}

GListModel *
obeya_audits_get_templates (ObeyaAudits *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);
  return G_LIST_MODEL (self->templates);
}

GListModel *
obeya_audits_get_areas (ObeyaAudits *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);
  return G_LIST_MODEL (self->areas);
}

GListModel *
obeya_audits_get_audits (ObeyaAudits *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);
  return G_LIST_MODEL (self->audits);
}

ObeyaAuditTemplate *
obeya_audits_find_template (ObeyaAudits *self,
                            const char  *id)
{
  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);
  return id ? g_hash_table_lookup (self->template_index, id) : NULL;
}

ObeyaArea *
obeya_audits_find_area (ObeyaAudits *self,
                        const char  *id)
{
  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);
  return id ? g_hash_table_lookup (self->area_index, id) : NULL;
}

ObeyaAudit *
obeya_audits_find_audit (ObeyaAudits *self,
                         const char  *id)
{
  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);
  return id ? g_hash_table_lookup (self->audit_index, id) : NULL;
}

/* ---- commands ------------------------------------------------------------ */

/* Removes @item from @store as the command @label. */
static void
remove_one (ObeyaAudits *self,
            GListStore  *store,
            gpointer     item,
            const char  *label)
{
  guint position;

  if (!g_list_store_find (store, item, &position))
    g_return_if_reached ();

  obeya_history_begin (history (self), label);
  obeya_history_remove (history (self), store, position);
  obeya_history_end (history (self));
}

static void
insert_last (ObeyaAudits *self,
             GListStore  *store,
             const char  *label,
             gpointer     item)
{
  obeya_history_begin (history (self), label);
  obeya_history_insert (history (self), store, g_list_model_get_n_items (G_LIST_MODEL (store)),
                        item);
  obeya_history_end (history (self));
}

void
obeya_audits_add_template (ObeyaAudits        *self,
                           ObeyaAuditTemplate *template_)
{
  g_return_if_fail (OBEYA_IS_AUDITS (self));
  g_return_if_fail (OBEYA_IS_AUDIT_TEMPLATE (template_));
  g_return_if_fail (obeya_audits_find_template (self, obeya_entity_get_id (OBEYA_ENTITY (template_)))
                    == NULL);

  insert_last (self, self->templates, _("Add 5S template"), template_);
}

/* Is @id taken by anything in the workspace? */
static gboolean
id_in_use (ObeyaAudits *self,
           const char  *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->templates));

  if (g_hash_table_contains (self->template_index, id) ||
      g_hash_table_contains (self->area_index, id) ||
      g_hash_table_contains (self->audit_index, id) ||
      obeya_workspace_find_person (self->workspace, id) != NULL ||
      obeya_workspace_find_tag (self->workspace, id) != NULL ||
      obeya_workspace_find_board (self->workspace, id) != NULL ||
      obeya_workspace_find_card (self->workspace, id) != NULL)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaAuditTemplate) other =
        g_list_model_get_item (G_LIST_MODEL (self->templates), i);

      if (obeya_audit_template_find_item (other, id) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* @template_, or a copy with new ids when any of its ids is taken. */
static ObeyaAuditTemplate *
with_free_ids (ObeyaAudits        *self,
               ObeyaAuditTemplate *template_)
{
  GListModel *items = obeya_audit_template_get_items (template_);
  gboolean taken = id_in_use (self, obeya_entity_get_id (OBEYA_ENTITY (template_)));

  for (guint i = 0; !taken && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ObeyaEntity) item = g_list_model_get_item (items, i);
      taken = id_in_use (self, obeya_entity_get_id (item));
    }
  return taken ? _obeya_audit_template_dup (template_, TRUE, FALSE) : g_object_ref (template_);
}

ObeyaAuditTemplate *
obeya_audits_add_builtin_template (ObeyaAudits  *self,
                                   const char   *builtin_id,
                                   GError      **error)
{
  g_autoptr(ObeyaAuditTemplate) builtin = NULL;
  g_autoptr(ObeyaAuditTemplate) template_ = NULL;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);

  builtin = obeya_audit_template_new_builtin (builtin_id, error);
  if (builtin == NULL)
    return NULL;
  template_ = with_free_ids (self, builtin);
  obeya_audits_add_template (self, template_);
  return template_;
}

ObeyaAuditTemplate *
obeya_audits_copy_template (ObeyaAudits        *self,
                            ObeyaAuditTemplate *template_,
                            const char         *name)
{
  g_autoptr(ObeyaAuditTemplate) copy = NULL;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);
  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (template_), NULL);

  copy = obeya_audit_template_copy (template_, name);
  obeya_history_begin (history (self), _("Copy 5S template"));
  obeya_audits_add_template (self, copy);
  obeya_history_end (history (self));
  return copy;
}

ObeyaAuditTemplate *
obeya_audits_import_template (ObeyaAudits  *self,
                              GBytes       *bytes,
                              GError      **error)
{
  g_autoptr(ObeyaAuditTemplate) imported = NULL;
  g_autoptr(ObeyaAuditTemplate) template_ = NULL;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);

  imported = obeya_audit_template_new_from_bytes (bytes, error);
  if (imported == NULL)
    return NULL;
  _obeya_audit_template_set_sample (imported, FALSE);
  template_ = with_free_ids (self, imported);

  obeya_history_begin (history (self), _("Import 5S template"));
  obeya_audits_add_template (self, template_);
  obeya_history_end (history (self));
  return template_;
}

/* Is @template_ used by an area (returned in @area) or an audit? */
static gboolean
template_in_use (ObeyaAudits         *self,
                 ObeyaAuditTemplate  *template_,
                 ObeyaArea          **area)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->areas));

  *area = NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaArea) each = g_list_model_get_item (G_LIST_MODEL (self->areas), i);

      if (obeya_area_get_template (each) == template_)
        {
          *area = each; /* the store keeps it */
          return TRUE;
        }
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->audits));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaAudit) audit = g_list_model_get_item (G_LIST_MODEL (self->audits), i);

      if (obeya_audit_get_template (audit) == template_)
        return TRUE;
    }
  return FALSE;
}

gboolean
obeya_audits_remove_template (ObeyaAudits         *self,
                              ObeyaAuditTemplate  *template_,
                              GError             **error)
{
  ObeyaArea *area;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), FALSE);

  if (template_in_use (self, template_, &area))
    {
      if (area != NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                     _("The area “%s” uses this template"), obeya_area_get_name (area));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                     _("Past audits were scored with this template"));
      return FALSE;
    }

  remove_one (self, self->templates, template_, _("Remove 5S template"));
  return TRUE;
}

ObeyaArea *
obeya_audits_add_area (ObeyaAudits        *self,
                       const char         *name,
                       ObeyaAuditTemplate *template_,
                       ObeyaAuditCadence   cadence)
{
  g_autoptr(ObeyaArea) area = NULL;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);
  g_return_val_if_fail (OBEYA_IS_AUDIT_TEMPLATE (template_), NULL);

  area = obeya_area_new (name, template_, cadence);
  insert_last (self, self->areas, _("Add 5S area"), area);
  return area;
}

static void
remove_audits_where (ObeyaAudits *self,
                     gboolean   (*match) (ObeyaAudit *audit,
                                          gpointer    data),
                     gpointer     data)
{
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->audits)); i > 0; i--)
    {
      g_autoptr(ObeyaAudit) audit = g_list_model_get_item (G_LIST_MODEL (self->audits), i - 1);

      if (match (audit, data))
        obeya_history_remove (history (self), self->audits, i - 1);
    }
}

static gboolean
audit_of_area (ObeyaAudit *audit,
               gpointer    area)
{
  return obeya_audit_get_area (audit) == area;
}

void
obeya_audits_remove_area (ObeyaAudits *self,
                          ObeyaArea   *area)
{
  g_return_if_fail (OBEYA_IS_AUDITS (self));
  g_return_if_fail (OBEYA_IS_AREA (area));

  obeya_history_begin (history (self), _("Remove 5S area"));
  remove_audits_where (self, audit_of_area, area);
  remove_one (self, self->areas, area, _("Remove 5S area"));
  obeya_history_end (history (self));
}

ObeyaAudit *
obeya_audits_start_audit (ObeyaAudits *self,
                          ObeyaArea   *area,
                          ObeyaDay     date,
                          const char  *auditor_id)
{
  g_autoptr(ObeyaAudit) audit = NULL;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);
  g_return_val_if_fail (OBEYA_IS_AREA (area), NULL);
  g_return_val_if_fail (date != OBEYA_DAY_NONE, NULL);

  audit = obeya_audit_new (area, date, auditor_id);
  insert_last (self, self->audits, _("Start audit"), audit);
  return audit;
}

void
obeya_audits_delete_audit (ObeyaAudits *self,
                           ObeyaAudit  *audit)
{
  g_return_if_fail (OBEYA_IS_AUDITS (self));

  remove_one (self, self->audits, audit, _("Delete audit"));
}

/* ---- queries ------------------------------------------------------------- */

static int
compare_audit_date (gconstpointer a,
                    gconstpointer b)
{
  ObeyaDay da = obeya_audit_get_date (*(ObeyaAudit **) a);
  ObeyaDay db = obeya_audit_get_date (*(ObeyaAudit **) b);

  return da < db ? -1 : da > db ? 1 : 0;
}

GPtrArray *
obeya_audits_list_for_area (ObeyaAudits *self,
                            ObeyaArea   *area,
                            gboolean     finished_only)
{
  GPtrArray *list;
  guint n;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);

  list = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->audits));
  for (guint i = 0; i < n; i++)
    {
      ObeyaAudit *audit = g_list_model_get_item (G_LIST_MODEL (self->audits), i);

      if (obeya_audit_get_area (audit) == area &&
          (!finished_only || obeya_audit_is_finished (audit)))
        g_ptr_array_add (list, audit);
      else
        g_object_unref (audit);
    }
  /* A stable sort: audits of the same day stay in the order they were started. */
  g_ptr_array_sort (list, compare_audit_date);
  return list;
}

ObeyaAudit *
obeya_audits_get_latest (ObeyaAudits *self,
                         ObeyaArea   *area)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);

  list = obeya_audits_list_for_area (self, area, TRUE);
  return list->len > 0 ? list->pdata[list->len - 1] : NULL; /* the store keeps it */
}

ObeyaAudit *
obeya_audits_get_previous (ObeyaAudits *self,
                           ObeyaAudit  *audit)
{
  g_autoptr(GPtrArray) list = NULL;
  ObeyaAudit *previous = NULL;
  guint index;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);
  g_return_val_if_fail (OBEYA_IS_AUDIT (audit), NULL);

  /* The audit itself sorts among the finished ones of its area (a draft is
   * added to the list for that): the previous is the one before it. */
  list = obeya_audits_list_for_area (self, obeya_audit_get_area (audit), TRUE);
  if (!obeya_audit_is_finished (audit))
    {
      g_ptr_array_add (list, g_object_ref (audit));
      g_ptr_array_sort (list, compare_audit_date);
    }
  if (g_ptr_array_find (list, audit, &index) && index > 0)
    previous = list->pdata[index - 1];
  return previous;
}

ObeyaAuditComparison *
obeya_audits_compare_with_previous (ObeyaAudits *self,
                                    ObeyaAudit  *audit)
{
  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);
  return obeya_audit_score_compare (obeya_audits_get_previous (self, audit), audit);
}

GArray *
obeya_audits_get_trend (ObeyaAudits *self,
                        ObeyaArea   *area)
{
  g_autoptr(GPtrArray) list = NULL;
  GArray *trend;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);

  list = obeya_audits_list_for_area (self, area, TRUE);
  trend = g_array_sized_new (FALSE, TRUE, sizeof (ObeyaTrendPoint), list->len);
  for (guint i = 0; i < list->len; i++)
    {
      ObeyaTrendPoint point = { list->pdata[i], obeya_audit_get_date (list->pdata[i]), };

      obeya_audit_score_of_audit (point.audit, &point.score);
      g_array_append_val (trend, point);
    }
  return trend;
}

GArray *
obeya_audits_get_monthly (ObeyaAudits *self,
                          ObeyaArea   *area,
                          ObeyaDay     from,
                          ObeyaDay     to)
{
  g_autoptr(GPtrArray) audits = g_ptr_array_new ();
  g_autoptr(GArray) scores = g_array_new (FALSE, TRUE, sizeof (ObeyaAuditScore));
  GArray *months;
  guint n_areas, n;
  int year, month, last_year, last_month, ignored;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);

  months = g_array_new (FALSE, TRUE, sizeof (ObeyaMonthScore));
  if (from == OBEYA_DAY_NONE || to == OBEYA_DAY_NONE || to < from)
    return months;

  /* Score each finished audit in range once. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->audits));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaAudit) audit = g_list_model_get_item (G_LIST_MODEL (self->audits), i);
      ObeyaDay date = obeya_audit_get_date (audit);
      ObeyaAuditScore score;

      if (!obeya_audit_is_finished (audit) || date < from || date > to ||
          (area != NULL && obeya_audit_get_area (audit) != area))
        continue;
      obeya_audit_score_of_audit (audit, &score);
      g_ptr_array_add (audits, audit); /* the store keeps it */
      g_array_append_val (scores, score);
    }

  n_areas = g_list_model_get_n_items (G_LIST_MODEL (self->areas));
  obeya_day_to_ymd (from, &year, &month, &ignored);
  obeya_day_to_ymd (to, &last_year, &last_month, &ignored);
  for (; year < last_year || (year == last_year && month <= last_month);
       month = month % 12 + 1, year += month == 1)
    {
      g_autoptr(GArray) area_means = g_array_new (FALSE, TRUE, sizeof (ObeyaAuditScore));
      ObeyaMonthScore point = { year, month, 0, 0, };

      for (guint a = 0; a < n_areas; a++)
        {
          g_autoptr(ObeyaArea) each = g_list_model_get_item (G_LIST_MODEL (self->areas), a);
          g_autoptr(GArray) in_month = g_array_new (FALSE, TRUE, sizeof (ObeyaAuditScore));
          ObeyaAuditScore mean;

          for (guint i = 0; i < audits->len; i++)
            {
              int y, m, d;

              if (obeya_audit_get_area (audits->pdata[i]) != each)
                continue;
              obeya_day_to_ymd (obeya_audit_get_date (audits->pdata[i]), &y, &m, &d);
              if (y == year && m == month)
                g_array_append_val (in_month, g_array_index (scores, ObeyaAuditScore, i));
            }
          if (in_month->len == 0)
            continue;
          point.n_audits += in_month->len;
          obeya_audit_score_average ((ObeyaAuditScore *) in_month->data, in_month->len, &mean);
          g_array_append_val (area_means, mean);
        }

      if (area_means->len == 0)
        continue;
      point.n_areas = area_means->len;
      obeya_audit_score_average ((ObeyaAuditScore *) area_means->data, area_means->len,
                                 &point.score);
      g_array_append_val (months, point);
    }
  return months;
}

static ObeyaAreaStatus
area_status (ObeyaAudits *self,
             ObeyaArea   *area,
             ObeyaDay     today)
{
  g_autoptr(GPtrArray) list = obeya_audits_list_for_area (self, area, FALSE);
  ObeyaAreaStatus status = { area, NULL, NULL, { { 0, }, }, OBEYA_DAY_NONE, OBEYA_AREA_OK, 0 };

  for (guint i = 0; i < list->len; i++)
    {
      if (obeya_audit_is_finished (list->pdata[i]))
        status.latest = list->pdata[i];
      else
        status.draft = list->pdata[i];
    }

  if (status.latest != NULL)
    obeya_audit_score_of_audit (status.latest, &status.score);
  status.next_due = obeya_area_next_due (area, status.latest ? obeya_audit_get_date (status.latest)
                                                             : OBEYA_DAY_NONE,
                                         today);
  if (status.latest == NULL || status.next_due == today)
    status.due = OBEYA_AREA_DUE;
  else if (status.next_due < today)
    {
      status.due = OBEYA_AREA_OVERDUE;
      status.days_overdue = today - status.next_due;
    }
  return status;
}

GArray *
obeya_audits_get_overview (ObeyaAudits *self,
                           ObeyaDay     today)
{
  GArray *overview;
  guint n;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->areas));
  overview = g_array_sized_new (FALSE, TRUE, sizeof (ObeyaAreaStatus), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaArea) area = g_list_model_get_item (G_LIST_MODEL (self->areas), i);
      ObeyaAreaStatus status = area_status (self, area, today);

      g_array_append_val (overview, status);
    }
  return overview;
}

static int
compare_next_due (gconstpointer a,
                  gconstpointer b)
{
  const ObeyaAreaStatus *sa = a, *sb = b;

  return sa->next_due < sb->next_due ? -1 : sa->next_due > sb->next_due ? 1 : 0;
}

GArray *
obeya_audits_list_due (ObeyaAudits *self,
                       ObeyaDay     today)
{
  GArray *due;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);

  due = obeya_audits_get_overview (self, today);
  for (guint i = due->len; i > 0; i--)
    if (g_array_index (due, ObeyaAreaStatus, i - 1).due == OBEYA_AREA_OK)
      g_array_remove_index (due, i - 1);
  g_array_sort (due, compare_next_due);
  return due;
}

void
obeya_audits_get_latest_average (ObeyaAudits     *self,
                                 ObeyaAuditScore *out)
{
  g_autoptr(GArray) scores = g_array_new (FALSE, TRUE, sizeof (ObeyaAuditScore));
  guint n;

  g_return_if_fail (OBEYA_IS_AUDITS (self));
  g_return_if_fail (out != NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->areas));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaArea) area = g_list_model_get_item (G_LIST_MODEL (self->areas), i);
      ObeyaAudit *latest = obeya_audits_get_latest (self, area);
      ObeyaAuditScore score;

      if (latest == NULL)
        continue;
      obeya_audit_score_of_audit (latest, &score);
      g_array_append_val (scores, score);
    }
  obeya_audit_score_average ((ObeyaAuditScore *) scores->data, scores->len, out);
}

ObeyaAudit *
obeya_audits_find_audit_for_card (ObeyaAudits  *self,
                                  ObeyaCard    *card,
                                  const char  **item_id)
{
  GListModel *links;
  guint n;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);
  g_return_val_if_fail (OBEYA_IS_CARD (card), NULL);

  links = obeya_card_get_links (card);
  n = g_list_model_get_n_items (links);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaLink) link = g_list_model_get_item (links, i);
      ObeyaAudit *audit;

      if (g_strcmp0 (obeya_link_get_kind (link), "audit") != 0)
        continue;
      audit = obeya_audits_find_audit (self, obeya_link_get_target (link));
      if (audit == NULL)
        continue;
      if (item_id != NULL)
        *item_id = g_intern_string (obeya_link_get_label (link));
      return audit;
    }
  if (item_id != NULL)
    *item_id = NULL;
  return NULL;
}

/* ---- CSV ----------------------------------------------------------------- */

static void
csv_field (GString    *out,
           const char *text,
           gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_score (GString          *out,
           const ObeyaScore *score)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  csv_field (out, score->has_score ? g_ascii_formatd (buf, sizeof buf, "%.1f", score->percent)
                                   : NULL,
             FALSE);
}

static int
compare_audit_row (gconstpointer a,
                   gconstpointer b)
{
  ObeyaAudit *aa = *(ObeyaAudit **) a, *ab = *(ObeyaAudit **) b;
  int cmp = compare_audit_date (a, b);

  if (cmp != 0)
    return cmp;
  return g_strcmp0 (obeya_area_get_name (obeya_audit_get_area (aa)),
                    obeya_area_get_name (obeya_audit_get_area (ab)));
}

char *
obeya_audits_export_csv (ObeyaAudits *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GString *out;
  guint n;

  g_return_val_if_fail (OBEYA_IS_AUDITS (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->audits));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (self->audits), i));
  g_ptr_array_sort (rows, compare_audit_row);

  out = g_string_new ("area,date,auditor,state,overall,sort,set_in_order,shine,standardize,"
                      "sustain\r\n");
  for (guint i = 0; i < rows->len; i++)
    {
      ObeyaAudit *audit = rows->pdata[i];
      const char *auditor = obeya_audit_get_auditor (audit);
      ObeyaPerson *person = obeya_workspace_find_person (self->workspace, auditor);
      char day[OBEYA_DAY_BUF_SIZE];
      ObeyaAuditScore score;

      obeya_audit_score_of_audit (audit, &score);
      csv_field (out, obeya_area_get_name (obeya_audit_get_area (audit)), TRUE);
      csv_field (out, obeya_day_format (obeya_audit_get_date (audit), day), FALSE);
      csv_field (out, person ? obeya_person_get_name (person) : auditor, FALSE);
      csv_field (out, obeya_enum_to_nick (OBEYA_TYPE_AUDIT_STATE, obeya_audit_get_state (audit)),
                 FALSE);
      csv_score (out, &score.overall);
      for (guint s = 0; s < OBEYA_FIVE_S_N; s++)
        csv_score (out, &score.s[s]);
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

/* ---- workspace hooks: JSON, sample, summary ------------------------------ */

gboolean
_obeya_audits_item_is_used (ObeyaAudits *self,
                            const char  *item_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->audits));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObeyaAudit) audit = g_list_model_get_item (G_LIST_MODEL (self->audits), i);

      if (_obeya_audit_has_entry (audit, item_id))
        return TRUE;
    }
  return FALSE;
}

typedef gpointer (*ReadFunc) (ObeyaLoadContext *ctx,
                              JsonObject       *object,
                              ObeyaAudits      *self);

static gpointer
read_template_cb (ObeyaLoadContext *ctx,
                  JsonObject       *object,
                  ObeyaAudits      *self)
{
  return _obeya_audit_template_read (ctx, object);
}

static gpointer
read_area_cb (ObeyaLoadContext *ctx,
              JsonObject       *object,
              ObeyaAudits      *self)
{
  return _obeya_area_read (ctx, object, self);
}

static gpointer
read_audit_cb (ObeyaLoadContext *ctx,
               JsonObject       *object,
               ObeyaAudits      *self)
{
  return _obeya_audit_read (ctx, object, self);
}

static void
read_section (ObeyaAudits      *self,
              ObeyaLoadContext *ctx,
              JsonObject       *root,
              const char       *name,
              GListStore       *store,
              ReadFunc          read_one)
{
  ObeyaJsonReader *r = ctx->reader;
  JsonArray *array = obeya_json_reader_get_array (r, root, name, FALSE);
  guint n = array ? json_array_get_length (array) : 0;
  g_autoptr(GPtrArray) objects = g_ptr_array_new_full (n, g_object_unref);

  obeya_json_reader_push_member (r, name);
  for (guint i = 0; i < n && !obeya_json_reader_failed (r); i++)
    {
      JsonObject *element = obeya_json_reader_array_object (r, array, i);
      gpointer object;

      if (element == NULL)
        break;
      obeya_json_reader_push_index (r, i);
      object = read_one (ctx, element, self);
      obeya_json_reader_pop (r);
      if (object != NULL)
        g_ptr_array_add (objects, object);
    }
  obeya_json_reader_pop (r);
  g_list_store_splice (store, 0, 0, objects->pdata, objects->len);
}

void
_obeya_audits_read (ObeyaAudits      *self,
                    ObeyaLoadContext *ctx,
                    JsonObject       *root)
{
  read_section (self, ctx, root, "audit_templates", self->templates, read_template_cb);
  read_section (self, ctx, root, "areas", self->areas, read_area_cb);
  read_section (self, ctx, root, "audits", self->audits, read_audit_cb);
}

static void
write_one (gpointer         object,
           ObeyaJsonWriter *writer)
{
  if (OBEYA_IS_AUDIT_TEMPLATE (object))
    _obeya_audit_template_write (object, writer);
  else if (OBEYA_IS_AREA (object))
    _obeya_area_write (object, writer);
  else
    _obeya_audit_write (object, writer);
}

static void
write_section (ObeyaJsonWriter *writer,
               const char      *name,
               GListModel      *model)
{
  guint n = g_list_model_get_n_items (model);

  if (n == 0)
    return;
  obeya_json_writer_member (writer, name);
  obeya_json_writer_begin_array (writer, OBEYA_JSON_MULTILINE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);
      write_one (object, writer);
    }
  obeya_json_writer_end_array (writer);
}

void
_obeya_audits_write (ObeyaAudits     *self,
                     ObeyaJsonWriter *writer)
{
  write_section (writer, "audit_templates", G_LIST_MODEL (self->templates));
  write_section (writer, "areas", G_LIST_MODEL (self->areas));
  write_section (writer, "audits", G_LIST_MODEL (self->audits));
}

static gboolean
any_sample (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);
      gboolean sample = FALSE;

      g_object_get (object, "sample", &sample, NULL);
      if (sample)
        return TRUE;
    }
  return FALSE;
}

gboolean
_obeya_audits_has_sample (ObeyaAudits *self)
{
  return any_sample (G_LIST_MODEL (self->templates)) ||
         any_sample (G_LIST_MODEL (self->areas)) ||
         any_sample (G_LIST_MODEL (self->audits));
}

static gboolean
audit_is_sample (ObeyaAudit *audit,
                 gpointer    data)
{
  /* An audit of a sample area goes with its area. */
  return obeya_audit_get_sample (audit) || obeya_area_get_sample (obeya_audit_get_area (audit));
}

void
_obeya_audits_clear_sample (ObeyaAudits  *self,
                            ObeyaHistory *history_)
{
  remove_audits_where (self, audit_is_sample, NULL);

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->areas)); i > 0; i--)
    {
      g_autoptr(ObeyaArea) area = g_list_model_get_item (G_LIST_MODEL (self->areas), i - 1);
      if (obeya_area_get_sample (area))
        obeya_history_remove (history_, self->areas, i - 1);
    }

  /* A sample template the user's own areas adopted stays, as theirs. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->templates)); i > 0; i--)
    {
      g_autoptr(ObeyaAuditTemplate) template_ =
        g_list_model_get_item (G_LIST_MODEL (self->templates), i - 1);
      ObeyaArea *area;

      if (!obeya_audit_template_get_sample (template_))
        continue;
      if (!template_in_use (self, template_, &area))
        obeya_history_remove (history_, self->templates, i - 1);
      else
        {
          GValue value = G_VALUE_INIT;

          g_value_init (&value, G_TYPE_BOOLEAN);
          obeya_history_set_property (history_, G_OBJECT (template_), "sample", &value);
          g_value_unset (&value);
        }
    }
}

char *
_obeya_audits_dup_summary (ObeyaAudits *self)
{
  guint areas = g_list_model_get_n_items (G_LIST_MODEL (self->areas));
  guint audits = g_list_model_get_n_items (G_LIST_MODEL (self->audits));
  g_autofree char *a = NULL, *b = NULL;

  if (areas == 0 && audits == 0)
    return g_strdup ("");
  a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u 5S area", "%u 5S areas", areas), areas);
  b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u audit", "%u audits", audits), audits);
  return g_strdup_printf (", %s, %s", a, b);
}
