/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart library: include this one header.
 */
#pragma once

#include "obeya-chart-types.h"
#include "obeya-chart-enums.h"
#include "obeya-chart-palette.h"
#include "obeya-chart.h"
#include "obeya-run-chart.h"
