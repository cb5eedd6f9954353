/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart library: include this one header.
 */
#pragma once

#include "obeya-chart-types.h"
#include "obeya-chart-enums.h"
#include "obeya-chart-palette.h"
#include "obeya-chart.h"
#include "obeya-bar-chart.h"
#include "obeya-histogram.h"
#include "obeya-letter-calendar.h"
#include "obeya-pareto-chart.h"
#include "obeya-radar-chart.h"
#include "obeya-run-chart.h"
#include "obeya-scatter-chart.h"
#include "obeya-sparkline.h"
#include "obeya-stacked-area-chart.h"
