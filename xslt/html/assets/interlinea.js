// The web edition's script: it only adds to pages that are complete without it. PROVISIONAL.
"use strict";
