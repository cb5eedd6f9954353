/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * obeya chart --metric NAME|ID [--type run|pareto|calendar] [--from DATE] [--to DATE]
 *             [--month YYYY-MM] [--format png|svg|pdf] [--size WxH] [--dark]
 *             --output FILE WORKSPACE
 *
 * A metric's chart, without a display, drawn by the chart library from the
 * data obeya-metric-charts makes (the same as the app's):
 *
 *   run       the entries from --from (default: the first entry) to --to
 *             (default: today), each point coloured by its status, the
 *             target steps, the mean;
 *   pareto    the metric's misses by reason over the same range;
 *   calendar  the letter calendar of the metric's category for --month
 *             (default: this month).
 *
 * The format comes from --format or the output's extension; "-" writes to
 * the standard output (then --format is needed). PNG sizes are pixels, SVG
 * and PDF sizes points.
 */
#define G_LOG_DOMAIN "obeya-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "obeya-charts.h"
#include "obeya-cli-private.h"
#include "obeya-metric-charts.h"
#include "obeya-metric.h"
#include "obeya-metrics.h"
#include "obeya-workspace.h"

#define DEFAULT_WIDTH  1280
#define DEFAULT_HEIGHT 720
#define MAX_SIZE       10000

typedef enum
{
  CHART_RUN,
  CHART_PARETO,
  CHART_CALENDAR,
} ChartType;

static gboolean
parse_type (const char *text,
            ChartType  *type)
{
  if (text == NULL || strcmp (text, "run") == 0)
    *type = CHART_RUN;
  else if (strcmp (text, "pareto") == 0)
    *type = CHART_PARETO;
  else if (strcmp (text, "calendar") == 0)
    *type = CHART_CALENDAR;
  else
    return FALSE;
  return TRUE;
}

/* --format by the nicks of ObeyaChartFormat (png, svg, pdf), else the
 * output's extension; AUTO when neither says. */
static ObeyaChartFormat
parse_format (const char *format,
              const char *output)
{
  g_autoptr(GEnumClass) formats = NULL;
  g_autofree char *nick = NULL;
  GEnumValue *value;

  if (format == NULL)
    return strcmp (output, "-") == 0 ? OBEYA_CHART_FORMAT_AUTO
                                     : obeya_chart_format_from_path (output);
  formats = g_type_class_ref (OBEYA_TYPE_CHART_FORMAT);
  nick = g_ascii_strdown (format, -1);
  value = g_enum_get_value_by_nick (formats, nick);
  return value != NULL ? (ObeyaChartFormat) value->value : OBEYA_CHART_FORMAT_AUTO;
}

/* "1280x720": both between 16 and MAX_SIZE. */
static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;

  if (text == NULL)
    {
      *width = DEFAULT_WIDTH;
      *height = DEFAULT_HEIGHT;
      return TRUE;
    }
  parts = g_strsplit_set (text, "xX", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 16, MAX_SIZE, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 16, MAX_SIZE, &h, NULL))
    return FALSE;
  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

/* "2026-11" → its year and month. */
static gboolean
parse_month (const char *text,
             int        *year,
             int        *month)
{
  g_autofree char *first = g_strconcat (text, "-01", NULL);
  ObeyaDay day;
  int mday;

  if (strlen (text) != 7 || !obeya_day_parse (first, &day))
    return FALSE;
  obeya_day_to_ymd (day, year, month, &mday);
  return TRUE;
}

int
_obeya_cli_run_chart (ObeyaCli  *cli,
                      int        argc,
                      char     **argv)
{
  g_autofree char *metric_name = NULL;
  g_autofree char *type_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *output = NULL;
  gboolean dark = FALSE;
  const GOptionEntry entries[] = {
    { "metric", 'm', 0, G_OPTION_ARG_STRING, &metric_name,
      N_("The metric, by name or id"), N_("NAME|ID") },
    { "type", 't', 0, G_OPTION_ARG_STRING, &type_text,
      N_("run (the default): the values against the target; pareto: the misses by reason; "
         "calendar: the letter calendar of the metric's category"), N_("run|pareto|calendar") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("Run and Pareto charts: from this day (default: the first entry)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("Run and Pareto charts: up to this day (default: today)"), N_("YYYY-MM-DD") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text,
      N_("Calendar: the month (default: this month)"), N_("YYYY-MM") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("The file format (default: from the output's extension)"), N_("png|svg|pdf") },
    { "size", 's', 0, G_OPTION_ARG_STRING, &size_text,
      N_("Width and height: pixels for PNG, points for SVG and PDF (default: 1280x720)"),
      N_("WxH") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark,
      N_("Light text on a dark background"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write, or - for the standard output"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(ObeyaWorkspace) workspace = NULL;
  g_autoptr(ObeyaChart) chart = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const ObeyaChartPalette *palette;
  ObeyaChartFormat format;
  ObeyaMetric *metric;
  ObeyaDay from, to, today;
  ChartType type;
  int width, height;
  int year = 0, month = 0, mday;
  int status;

  if (!obeya_cli_parse (cli, NULL, entries, 1, &argc, &argv, &status))
    return status;

  /* Every usage error before the workspace is read. */
  if (!parse_type (type_text, &type))
    {
      obeya_cli_printerr (cli, _("--type: “%s” is not a chart type: run, pareto or calendar.\n"),
                          type_text);
      return OBEYA_CLI_EXIT_USAGE;
    }
  if (output == NULL)
    {
      obeya_cli_printerr (cli, _("Where to? Give --output FILE (or - for the standard "
                                 "output).\n"));
      return OBEYA_CLI_EXIT_USAGE;
    }
  format = parse_format (format_text, output);
  if (format == OBEYA_CHART_FORMAT_AUTO)
    {
      if (format_text != NULL)
        obeya_cli_printerr (cli, _("--format: “%s” is not a format: png, svg or pdf.\n"),
                            format_text);
      else
        obeya_cli_printerr (cli, _("Which format? Give --format png, svg or pdf, or an output "
                                   "file name ending in .png, .svg or .pdf.\n"));
      return OBEYA_CLI_EXIT_USAGE;
    }
  if (!parse_size (size_text, &width, &height))
    {
      obeya_cli_printerr (cli, _("--size: “%s” is not a size: give WIDTHxHEIGHT, each from 16 "
                                 "to %d, like 1280x720.\n"), size_text, MAX_SIZE);
      return OBEYA_CLI_EXIT_USAGE;
    }
  if (!obeya_cli_parse_range (cli, from_text, to_text, &from, &to))
    return OBEYA_CLI_EXIT_USAGE;
  if (month_text != NULL && !parse_month (month_text, &year, &month))
    {
      obeya_cli_printerr (cli, _("--month: “%s” is not a month (YYYY-MM).\n"), month_text);
      return OBEYA_CLI_EXIT_USAGE;
    }
  if (type == CHART_CALENDAR && (from_text != NULL || to_text != NULL))
    {
      obeya_cli_printerr (cli, _("A calendar shows a month: give --month YYYY-MM, not --from "
                                 "or --to.\n"));
      return OBEYA_CLI_EXIT_USAGE;
    }
  if (type != CHART_CALENDAR && month_text != NULL)
    {
      obeya_cli_printerr (cli, _("--month is for calendars (--type calendar); run and Pareto "
                                 "charts take --from and --to.\n"));
      return OBEYA_CLI_EXIT_USAGE;
    }

  workspace = obeya_cli_load_workspace (cli, argv[1], NULL);
  if (workspace == NULL)
    return OBEYA_CLI_EXIT_FAILURE;
  if (metric_name == NULL)
    {
      obeya_cli_printerr (cli, _("Which metric? Give --metric NAME or --metric ID. "));
      obeya_cli_print_metrics (cli, workspace);
      return OBEYA_CLI_EXIT_USAGE;
    }
  metric = obeya_cli_find_metric (cli, workspace, metric_name);
  if (metric == NULL)
    return OBEYA_CLI_EXIT_FAILURE;

  today = obeya_day_today ();
  switch (type)
    {
    case CHART_RUN:
      chart = OBEYA_CHART (obeya_run_chart_new ());
      obeya_metric_charts_fill_run_chart (OBEYA_RUN_CHART (chart), metric, from, to, today);
      break;
    case CHART_PARETO:
      chart = OBEYA_CHART (obeya_pareto_chart_new ());
      obeya_metric_charts_fill_pareto (OBEYA_PARETO_CHART (chart),
                                       obeya_workspace_get_metrics (workspace), metric, NULL,
                                       from, to, today);
      break;
    case CHART_CALENDAR:
    default:
      if (month_text == NULL)
        obeya_day_to_ymd (today, &year, &month, &mday);
      chart = OBEYA_CHART (obeya_letter_calendar_new ());
      obeya_metric_charts_fill_letter_calendar (OBEYA_LETTER_CALENDAR (chart),
                                                obeya_workspace_get_metrics (workspace),
                                                obeya_metric_get_category (metric), year, month,
                                                today);
      break;
    }
  if (obeya_chart_is_empty (chart))
    obeya_cli_printerr (cli, _("Note: “%s” has nothing to show there; the chart says so.\n"),
                        obeya_metric_get_name (metric));

  palette = obeya_chart_palette_get (dark ? OBEYA_CHART_STYLE_DARK : OBEYA_CHART_STYLE_LIGHT);
  bytes = obeya_chart_render_bytes (chart, format, width, height, palette, &error);
  if (bytes == NULL)
    {
      obeya_cli_printerr (cli, "%s\n", error->message);
      return OBEYA_CLI_EXIT_FAILURE;
    }

  if (strcmp (output, "-") != 0)
    return obeya_cli_write_file (cli, output, bytes) ? OBEYA_CLI_EXIT_OK : OBEYA_CLI_EXIT_FAILURE;
  obeya_cli_write (cli, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return OBEYA_CLI_EXIT_OK;
}
