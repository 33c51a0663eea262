#!/usr/bin/env node
// Standalone entry for other editors: apache-wsgi-language-server --stdio
require('../dist/server.js');
