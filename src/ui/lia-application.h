/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIA_TYPE_APPLICATION (lia_application_get_type ())
G_DECLARE_FINAL_TYPE (LiaApplication, lia_application, LIA, APPLICATION, AdwApplication)

LiaApplication *lia_application_new          (void);
GSettings      *lia_application_get_settings (LiaApplication *self);
const char     *lia_application_get_help_uri (void);

G_END_DECLS
