import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { pathToFileURL } from 'node:url';
const file = '/work/main/dist/cjsx/main.cjs';
const cacheFile = '/tmp/cjsx/main.v8';
const source = readFileSync(file, 'utf8');
let cachedData; try { cachedData = readFileSync(cacheFile); } catch {}
const script = new Script(`(function (exports, require, module, __filename, __dirname, __tanggapUrl, __tanggapResolve, __tanggapImport) {${source}\n})`, { filename: file, cachedData });
if (process.env.DBG) console.error('rejected', script.cachedDataRejected, !!cachedData);
const fn = script.runInThisContext();
const module = { exports: {} };
const url = pathToFileURL(file).href;
fn(module.exports, createRequire(file), module, file, '/work/main/dist/cjsx', url, (s) => import.meta.resolve(s), (s) => import(s));
if (!cachedData || script.cachedDataRejected) process.on('exit', () => { writeFileSync(cacheFile, script.createCachedData()); });
const t1=performance.now(); process.on("exit",()=>{ if(process.env.DBG) console.error("load",t1.toFixed(1),"total",performance.now().toFixed(1)); }); module.exports.main(process.argv);
