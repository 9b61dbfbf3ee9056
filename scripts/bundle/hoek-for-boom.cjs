// What @hapi/boom uses of @hapi/hoek (assert, clone, escapeHeaderAttribute), for the bundle: the
// whole of hoek's index is ~25 modules, every one evaluated at load (see tsup.config.ts).
"use strict";
exports.assert = require("@hapi/hoek/assert");
exports.clone = require("@hapi/hoek/clone");
exports.escapeHeaderAttribute = require("@hapi/hoek/escapeHeaderAttribute");
