/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaCardWidget: the face of a card on a board: tags, title, blocked
 * reason, due date (overdue and due soon stand out), checklist progress,
 * age (days since commitment, days in this column) and the assignees'
 * initials. It follows the card's changes while bound.
 */
#pragma once

#include <gtk/gtk.h>

#include "obeya-time.h"
#include "obeya-types.h"

G_BEGIN_DECLS

typedef enum
{
  OBEYA_DROP_NONE,
  OBEYA_DROP_BEFORE,
  OBEYA_DROP_AFTER,
} ObeyaDropPosition;

#define OBEYA_TYPE_CARD_WIDGET (obeya_card_widget_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaCardWidget, obeya_card_widget, OBEYA, CARD_WIDGET, GtkWidget)

GtkWidget *obeya_card_widget_new                (void);
ObeyaCard *obeya_card_widget_get_card           (ObeyaCardWidget   *self);
void       obeya_card_widget_set_card           (ObeyaCardWidget   *self,
                                                 ObeyaCard         *card);
void       obeya_card_widget_set_drop_indicator (ObeyaCardWidget   *self,
                                                 ObeyaDropPosition  position);

/* Helpers shared with other views that show cards. */
char      *obeya_format_due_date                (ObeyaDay           due,
                                                 ObeyaDay           today);

G_END_DECLS
