/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObeyaTagColorButton: a round swatch that opens a popover with the tag
 * colours of obeya_tag_colors(), for choosing the colour of a tag.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OBEYA_TYPE_TAG_COLOR_BUTTON (obeya_tag_color_button_get_type ())
G_DECLARE_FINAL_TYPE (ObeyaTagColorButton, obeya_tag_color_button, OBEYA, TAG_COLOR_BUTTON, GtkWidget)

GtkWidget  *obeya_tag_color_button_new       (const char          *color);
const char *obeya_tag_color_button_get_color (ObeyaTagColorButton *self);
void        obeya_tag_color_button_set_color (ObeyaTagColorButton *self,
                                              const char          *color);

G_END_DECLS
