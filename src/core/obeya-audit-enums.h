/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Enumerations of the 5S audit model (templates, areas, audits, folder scan).
 * Each value's nick is the string the workspace file uses. They live apart
 * from obeya-enums.h so that the 5S module is one self-contained set of files.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The five S, in their fixed order. */
typedef enum
{
  OBEYA_FIVE_S_SORT,         /* "sort" (Seiri) */
  OBEYA_FIVE_S_SET_IN_ORDER, /* "set-in-order" (Seiton) */
  OBEYA_FIVE_S_SHINE,        /* "shine" (Seiso) */
  OBEYA_FIVE_S_STANDARDIZE,  /* "standardize" (Seiketsu) */
  OBEYA_FIVE_S_SUSTAIN,      /* "sustain" (Shitsuke) */
} ObeyaFiveS;

#define OBEYA_FIVE_S_N 5

/* How often an area is audited. */
typedef enum
{
  OBEYA_AUDIT_CADENCE_WEEKLY,    /* "weekly" */
  OBEYA_AUDIT_CADENCE_MONTHLY,   /* "monthly" */
  OBEYA_AUDIT_CADENCE_QUARTERLY, /* "quarterly" */
} ObeyaAuditCadence;

typedef enum
{
  OBEYA_AUDIT_DRAFT,    /* "draft": being walked, editable */
  OBEYA_AUDIT_FINISHED, /* "finished": read-only until reopened */
} ObeyaAuditState;

/* What an audit's log records. */
typedef enum
{
  OBEYA_AUDIT_EVENT_FINISHED, /* "finished" */
  OBEYA_AUDIT_EVENT_REOPENED, /* "reopened" */
} ObeyaAuditEventKind;

/* Which number of a folder scan is evidence for a template item. */
typedef enum
{
  OBEYA_SCAN_EVIDENCE_NONE,          /* "none" */
  OBEYA_SCAN_EVIDENCE_STALE_FILES,   /* "stale-files" */
  OBEYA_SCAN_EVIDENCE_DUPLICATES,    /* "duplicates" */
  OBEYA_SCAN_EVIDENCE_DEPTH,         /* "depth" */
  OBEYA_SCAN_EVIDENCE_NAMES,         /* "names" */
  OBEYA_SCAN_EVIDENCE_EMPTY_FOLDERS, /* "empty-folders" */
} ObeyaScanEvidence;

#define OBEYA_TYPE_FIVE_S (obeya_five_s_get_type ())
GType obeya_five_s_get_type (void);
#define OBEYA_TYPE_AUDIT_CADENCE (obeya_audit_cadence_get_type ())
GType obeya_audit_cadence_get_type (void);
#define OBEYA_TYPE_AUDIT_STATE (obeya_audit_state_get_type ())
GType obeya_audit_state_get_type (void);
#define OBEYA_TYPE_AUDIT_EVENT_KIND (obeya_audit_event_kind_get_type ())
GType obeya_audit_event_kind_get_type (void);
#define OBEYA_TYPE_SCAN_EVIDENCE (obeya_scan_evidence_get_type ())
GType obeya_scan_evidence_get_type (void);

/* Translated names: "Sort", "Set in order", … */
const char *obeya_five_s_get_label        (ObeyaFiveS        s);
/* One line of what the S means, for headers and reports. */
const char *obeya_five_s_get_description  (ObeyaFiveS        s);
const char *obeya_audit_cadence_get_label (ObeyaAuditCadence cadence);
const char *obeya_audit_state_get_label   (ObeyaAuditState   state);

G_END_DECLS
