/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include "obeya-audit-item.h"
#include "obeya-audit-template.h"
#include "obeya-util.h"

struct _ObeyaAuditItem
{
  ObeyaEntity        parent_instance;

  ObeyaFiveS         s;
  char              *question;
  char              *anchors[OBEYA_AUDIT_N_ANCHORS + 1]; /* NULL-terminated, never NULL inside */
  char              *guidance;
  gboolean           allows_na;
  ObeyaScanEvidence  evidence;
  gboolean           retired;
};

G_DEFINE_FINAL_TYPE (ObeyaAuditItem, obeya_audit_item, OBEYA_TYPE_ENTITY)

enum {
  PROP_0,
  PROP_S,
  PROP_QUESTION,
  PROP_ANCHORS,
  PROP_GUIDANCE,
  PROP_ALLOWS_NA,
  PROP_EVIDENCE,
  PROP_RETIRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
obeya_audit_item_finalize (GObject *object)
{
  ObeyaAuditItem *self = OBEYA_AUDIT_ITEM (object);

  g_clear_pointer (&self->question, g_free);
  g_clear_pointer (&self->guidance, g_free);
  for (guint i = 0; i < OBEYA_AUDIT_N_ANCHORS; i++)
    g_clear_pointer (&self->anchors[i], g_free);

  G_OBJECT_CLASS (obeya_audit_item_parent_class)->finalize (object);
}

static void
obeya_audit_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ObeyaAuditItem *self = OBEYA_AUDIT_ITEM (object);

  switch (prop_id)
    {
    case PROP_S:
      g_value_set_enum (value, self->s);
      break;
    case PROP_QUESTION:
      g_value_set_string (value, self->question);
      break;
    case PROP_ANCHORS:
      g_value_set_boxed (value, self->anchors);
      break;
    case PROP_GUIDANCE:
      g_value_set_string (value, self->guidance);
      break;
    case PROP_ALLOWS_NA:
      g_value_set_boolean (value, self->allows_na);
      break;
    case PROP_EVIDENCE:
      g_value_set_enum (value, self->evidence);
      break;
    case PROP_RETIRED:
      g_value_set_boolean (value, self->retired);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Missing anchors become empty strings, extra ones are dropped. */
static gboolean
set_anchors (ObeyaAuditItem     *self,
             const char * const *anchors)
{
  gboolean changed = FALSE;
  gboolean ended = anchors == NULL;

  for (guint i = 0; i < OBEYA_AUDIT_N_ANCHORS; i++)
    {
      const char *text = "";

      if (!ended && anchors[i] == NULL)
        ended = TRUE;
      if (!ended)
        text = anchors[i];
      changed |= obeya_set_str (&self->anchors[i], text);
    }
  return changed;
}

static void
obeya_audit_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ObeyaAuditItem *self = OBEYA_AUDIT_ITEM (object);

  switch (prop_id)
    {
    case PROP_S:
      if (self->s != (ObeyaFiveS) g_value_get_enum (value))
        {
          self->s = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_QUESTION:
      if (obeya_set_str (&self->question, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_ANCHORS:
      if (set_anchors (self, g_value_get_boxed (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_GUIDANCE:
      {
        const char *text = g_value_get_string (value);

        /* An empty guidance is no guidance. */
        if (obeya_set_str (&self->guidance, text && text[0] ? text : NULL))
          g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_ALLOWS_NA:
      if (self->allows_na != g_value_get_boolean (value))
        {
          self->allows_na = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_EVIDENCE:
      if (self->evidence != (ObeyaScanEvidence) g_value_get_enum (value))
        {
          self->evidence = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_RETIRED:
      if (self->retired != g_value_get_boolean (value))
        {
          self->retired = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
obeya_audit_item_class_init (ObeyaAuditItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = obeya_audit_item_finalize;
  object_class->get_property = obeya_audit_item_get_property;
  object_class->set_property = obeya_audit_item_set_property;

  properties[PROP_S] =
    g_param_spec_enum ("s", NULL, NULL, OBEYA_TYPE_FIVE_S, OBEYA_FIVE_S_SORT, rw);
  properties[PROP_QUESTION] = g_param_spec_string ("question", NULL, NULL, NULL, rw);
  /* Five strings: the anchors of scores 0 to 4. */
  properties[PROP_ANCHORS] = g_param_spec_boxed ("anchors", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_GUIDANCE] = g_param_spec_string ("guidance", NULL, NULL, NULL, rw);
  properties[PROP_ALLOWS_NA] = g_param_spec_boolean ("allows-na", NULL, NULL, FALSE, rw);
  properties[PROP_EVIDENCE] =
    g_param_spec_enum ("evidence", NULL, NULL, OBEYA_TYPE_SCAN_EVIDENCE,
                       OBEYA_SCAN_EVIDENCE_NONE, rw);
  properties[PROP_RETIRED] = g_param_spec_boolean ("retired", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
obeya_audit_item_init (ObeyaAuditItem *self)
{
  set_anchors (self, NULL);
}

ObeyaAuditItem *
obeya_audit_item_new (ObeyaFiveS          s,
                      const char         *question,
                      const char * const *anchors)
{
  return g_object_new (OBEYA_TYPE_AUDIT_ITEM,
                       "s", s,
                       "question", question,
                       "anchors", anchors,
                       NULL);
}

ObeyaAuditTemplate *
obeya_audit_item_get_template (ObeyaAuditItem *self)
{
  GObject *parent;

  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM (self), NULL);

  parent = obeya_entity_get_parent (OBEYA_ENTITY (self));
  return parent && OBEYA_IS_AUDIT_TEMPLATE (parent) ? OBEYA_AUDIT_TEMPLATE (parent) : NULL;
}

ObeyaFiveS
obeya_audit_item_get_s (ObeyaAuditItem *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM (self), OBEYA_FIVE_S_SORT);
  return self->s;
}

const char *
obeya_audit_item_get_question (ObeyaAuditItem *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM (self), NULL);
  return self->question;
}

const char * const *
obeya_audit_item_get_anchors (ObeyaAuditItem *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM (self), NULL);
  return (const char * const *) self->anchors;
}

const char *
obeya_audit_item_get_anchor (ObeyaAuditItem *self,
                             int             score)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM (self), NULL);
  g_return_val_if_fail (score >= 0 && score < OBEYA_AUDIT_N_ANCHORS, NULL);
  return self->anchors[score];
}

const char *
obeya_audit_item_get_guidance (ObeyaAuditItem *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM (self), NULL);
  return self->guidance;
}

gboolean
obeya_audit_item_get_allows_na (ObeyaAuditItem *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM (self), FALSE);
  return self->allows_na;
}

ObeyaScanEvidence
obeya_audit_item_get_evidence (ObeyaAuditItem *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM (self), OBEYA_SCAN_EVIDENCE_NONE);
  return self->evidence;
}

gboolean
obeya_audit_item_get_retired (ObeyaAuditItem *self)
{
  g_return_val_if_fail (OBEYA_IS_AUDIT_ITEM (self), FALSE);
  return self->retired;
}
