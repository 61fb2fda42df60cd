/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "lia-workspace.h"

G_BEGIN_DECLS

/* Exit statuses shared by every subcommand. */
#define LIA_CLI_EXIT_OK 0
#define LIA_CLI_EXIT_FAILURE 1
#define LIA_CLI_EXIT_BAD_INPUT 2

int lia_cli_usage_error (GOptionContext *context,
                         const char     *message);
LiaWorkspace *lia_cli_load         (const char *path);
int           lia_cli_write_output (const char *output,
                                    const char *text);
LiaMeeting   *lia_cli_find_meeting (LiaWorkspace  *workspace,
                                    const char    *key,
                                    char         **problem);
int lia_cli_export_contract (const char *file,
                             const char *format,
                             const char *name,
                             const char *output);
int lia_cli_check_payload (int    argc,
                           char **argv);
int lia_cli_convert       (int    argc,
                           char **argv);
int lia_cli_publish (int   argc,
                     char **argv);
int lia_cli_sync    (int    argc,
                     char **argv);
int lia_cli_run     (int    argc,
                     char **argv);
int lia_cli_overlap (int    argc,
                     char **argv);
int lia_cli_slots   (int    argc,
                     char **argv);
int lia_cli_merge   (int    argc,
                     char **argv);
int lia_cli_show      (int    argc,
                       char **argv);
int lia_cli_git_setup (int    argc,
                       char **argv);
int lia_cli_post      (int    argc,
                       char **argv);

G_END_DECLS
