/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "obeya-charts"

#include "config.h"

#include "obeya-chart.h"

void
obeya_chart_placeholder (void)
{
}
