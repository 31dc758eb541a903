#!/usr/bin/env node
import { commandLine } from '../dist/bundle/boot.js';

(await commandLine(process.argv))(process.argv);
