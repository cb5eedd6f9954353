/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-core"

#include "config.h"

#include <glib/gi18n.h>

#include "obeya-audit-enums.h"

G_DEFINE_ENUM_TYPE (ObeyaFiveS, obeya_five_s,
  G_DEFINE_ENUM_VALUE (OBEYA_FIVE_S_SORT, "sort"),
  G_DEFINE_ENUM_VALUE (OBEYA_FIVE_S_SET_IN_ORDER, "set-in-order"),
  G_DEFINE_ENUM_VALUE (OBEYA_FIVE_S_SHINE, "shine"),
  G_DEFINE_ENUM_VALUE (OBEYA_FIVE_S_STANDARDIZE, "standardize"),
  G_DEFINE_ENUM_VALUE (OBEYA_FIVE_S_SUSTAIN, "sustain"))

G_DEFINE_ENUM_TYPE (ObeyaAuditCadence, obeya_audit_cadence,
  G_DEFINE_ENUM_VALUE (OBEYA_AUDIT_CADENCE_WEEKLY, "weekly"),
  G_DEFINE_ENUM_VALUE (OBEYA_AUDIT_CADENCE_MONTHLY, "monthly"),
  G_DEFINE_ENUM_VALUE (OBEYA_AUDIT_CADENCE_QUARTERLY, "quarterly"))

G_DEFINE_ENUM_TYPE (ObeyaAuditState, obeya_audit_state,
  G_DEFINE_ENUM_VALUE (OBEYA_AUDIT_DRAFT, "draft"),
  G_DEFINE_ENUM_VALUE (OBEYA_AUDIT_FINISHED, "finished"))

G_DEFINE_ENUM_TYPE (ObeyaAuditEventKind, obeya_audit_event_kind,
  G_DEFINE_ENUM_VALUE (OBEYA_AUDIT_EVENT_FINISHED, "finished"),
  G_DEFINE_ENUM_VALUE (OBEYA_AUDIT_EVENT_REOPENED, "reopened"))

G_DEFINE_ENUM_TYPE (ObeyaScanEvidence, obeya_scan_evidence,
  G_DEFINE_ENUM_VALUE (OBEYA_SCAN_EVIDENCE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (OBEYA_SCAN_EVIDENCE_STALE_FILES, "stale-files"),
  G_DEFINE_ENUM_VALUE (OBEYA_SCAN_EVIDENCE_DUPLICATES, "duplicates"),
  G_DEFINE_ENUM_VALUE (OBEYA_SCAN_EVIDENCE_DEPTH, "depth"),
  G_DEFINE_ENUM_VALUE (OBEYA_SCAN_EVIDENCE_NAMES, "names"),
  G_DEFINE_ENUM_VALUE (OBEYA_SCAN_EVIDENCE_EMPTY_FOLDERS, "empty-folders"))

const char *
obeya_five_s_get_label (ObeyaFiveS s)
{
  switch (s)
    {
    case OBEYA_FIVE_S_SORT:
      return _("Sort");
    case OBEYA_FIVE_S_SET_IN_ORDER:
      return _("Set in order");
    case OBEYA_FIVE_S_SHINE:
      return _("Shine");
    case OBEYA_FIVE_S_STANDARDIZE:
      return _("Standardize");
    case OBEYA_FIVE_S_SUSTAIN:
      return _("Sustain");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
obeya_five_s_get_description (ObeyaFiveS s)
{
  switch (s)
    {
    case OBEYA_FIVE_S_SORT:
      return _("Keep only what is needed; remove the rest");
    case OBEYA_FIVE_S_SET_IN_ORDER:
      return _("A place for everything, everything in its place");
    case OBEYA_FIVE_S_SHINE:
      return _("Clean, and look for problems while cleaning");
    case OBEYA_FIVE_S_STANDARDIZE:
      return _("The same way everywhere, written down and visible");
    case OBEYA_FIVE_S_SUSTAIN:
      return _("Audits, follow-up and habits keep it going");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
obeya_audit_cadence_get_label (ObeyaAuditCadence cadence)
{
  switch (cadence)
    {
    case OBEYA_AUDIT_CADENCE_WEEKLY:
      return _("Weekly");
    case OBEYA_AUDIT_CADENCE_MONTHLY:
      return _("Monthly");
    case OBEYA_AUDIT_CADENCE_QUARTERLY:
      return _("Quarterly");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
obeya_audit_state_get_label (ObeyaAuditState state)
{
  switch (state)
    {
    case OBEYA_AUDIT_DRAFT:
      return _("Draft");
    case OBEYA_AUDIT_FINISHED:
      return _("Finished");
    default:
      g_return_val_if_reached (NULL);
    }
}
