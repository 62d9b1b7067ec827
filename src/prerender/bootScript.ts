/**
 * The script inlined in the built page's <head>, run before the body is parsed. The body holds the demo's page,
 * prerendered at build time: this says whether it is the page to show (`<html data-start="demo">`), or whether the
 * workspace saved in this browser, a shared link or a narrow window will replace it (`data-start="app"`: the
 * prerendered page stays hidden and the shell shows until the app has drawn). It also sets the theme before the
 * first paint. Plain ES5 in one string: it runs before any module, and the Content-Security-Policy allows it by hash.
 */
export interface BootFacts {
  /** The demo workspace as the app opens it. */
  demoFiles: readonly { name: string; text: string }[];
  documentKey: string;
  hintKey: string;
  themeKey: string;
  /** The media query under which the panes are stacked (the page is prerendered side by side). */
  narrowQuery: string;
}

export function bootScript({ demoFiles, documentKey, hintKey, themeKey, narrowQuery }: BootFacts): string {
  const facts = JSON.stringify({ demo: demoFiles.map((f) => [f.name, f.text]), documentKey, hintKey, themeKey, narrowQuery }).replace(/</g, '\\u003c');
  return `(function(f){var d=document.documentElement,demo=true;
try{var t=localStorage.getItem(f.themeKey);d.setAttribute('data-theme',t==='light'||t==='dark'?t:matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light');
if(location.hash.length>1||localStorage.getItem(f.hintKey)==='1'||matchMedia(f.narrowQuery).matches)demo=false;
var saved=localStorage.getItem(f.documentKey);
if(demo&&saved!==null){var files=(JSON.parse(saved).state||{}).files||[];demo=files.length===f.demo.length;
for(var i=0;demo&&i<files.length;i++)demo=files[i].name===f.demo[i][0]&&files[i].text===f.demo[i][1];}
}catch(e){demo=false;}
d.setAttribute('data-start',demo?'demo':'app');})(${facts});`;
}
