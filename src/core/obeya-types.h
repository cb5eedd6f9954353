/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Forward declarations of the core types, so headers need not include each other.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _ObeyaWorkspace     ObeyaWorkspace;
typedef struct _ObeyaHistory       ObeyaHistory;
typedef struct _ObeyaEntity        ObeyaEntity;
typedef struct _ObeyaPerson        ObeyaPerson;
typedef struct _ObeyaTag           ObeyaTag;
typedef struct _ObeyaBoard         ObeyaBoard;
typedef struct _ObeyaColumn        ObeyaColumn;
typedef struct _ObeyaLane          ObeyaLane;
typedef struct _ObeyaCard          ObeyaCard;
typedef struct _ObeyaChecklistItem ObeyaChecklistItem;
typedef struct _ObeyaLink          ObeyaLink;
typedef struct _ObeyaRecurrence    ObeyaRecurrence;
typedef struct _ObeyaMetrics       ObeyaMetrics;
typedef struct _ObeyaMetric        ObeyaMetric;
typedef struct _ObeyaMetricCategory ObeyaMetricCategory;
typedef struct _ObeyaMissReason    ObeyaMissReason;
typedef struct _ObeyaHuddle        ObeyaHuddle;

/* 5S audits */
typedef struct _ObeyaAudits        ObeyaAudits;
typedef struct _ObeyaAuditTemplate ObeyaAuditTemplate;
typedef struct _ObeyaAuditItem     ObeyaAuditItem;
typedef struct _ObeyaArea          ObeyaArea;
typedef struct _ObeyaAudit         ObeyaAudit;
typedef struct _ObeyaScanResult    ObeyaScanResult;

G_END_DECLS
