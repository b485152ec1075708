import { describe, expect, it } from 'vitest';
import { versionInScript, versionInUrl } from './page-tf-version';

describe('tf.js version on bundled pages', () => {
  it('reads it from a CDN module URL', () => {
    expect(versionInUrl('https://cdn.jsdelivr.net/npm/@tensorflow/tfjs-core@4.22.0/+esm')).toBe('4.22.0');
    expect(versionInUrl('https://esm.sh/@tensorflow/tfjs@3.21.0')).toBe('3.21.0');
    expect(versionInUrl('https://cdn.example/tfjs@4.0.0-rc.1/dist/tf.min.js')).toBe('4.0.0-rc.1');
    expect(versionInUrl('https://example.org/app.js')).toBeNull();
    expect(versionInUrl('https://example.org/mytfjs@1.2.3/x.js')).toBeNull();
  });

  it('reads tfjs-core’s version_core export from a bundle (webpack getter, function, assignment)', () => {
    expect(versionInScript('n.d(x,{valueAndGrad:()=>ao,version_core:()=>"4.22.0",where:()=>hl})')).toBe(
      '4.22.0',
    );
    expect(versionInScript('r.d(e,"version_core",(function(){return"3.21.0"}))')).toBe('3.21.0');
    expect(versionInScript('{version_core:function(){return "2.8.6"}}')).toBe('2.8.6');
    expect(versionInScript('exports.version_core = "1.7.4";')).toBe('1.7.4');
    expect(versionInScript('var version_core = version; var version = "4.22.0";')).toBeNull();
    expect(versionInScript('const version = "9.9.9"')).toBeNull();
  });
});
