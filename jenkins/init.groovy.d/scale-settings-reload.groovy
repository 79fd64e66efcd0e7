/*
 * Reloads Configuration as Code when the stack changes a scale setting.
 *
 * CloudFormation writes the scale limits to SSM parameters under SCALE_SETTINGS_PREFIX
 * (/jenkins-on-aws/<stack>/). casc.yaml reads them through the configuration-as-code-secret-ssm
 * plugin, which resolves them only when the configuration is (re)loaded. This script checks the
 * parameters' versions once a minute and reloads when any of them changed, so a stack update
 * of the agent cap reaches the EC2 plugin without restarting the controller task.
 *
 * The image installs this file as init.groovy.d/scale-settings-reload.groovy.override, so a new
 * image replaces the copy kept in JENKINS_HOME on EFS.
 */
import com.amazonaws.services.simplesystemsmanagement.AWSSimpleSystemsManagementClientBuilder
import com.amazonaws.services.simplesystemsmanagement.model.GetParametersByPathRequest
import hudson.security.ACL
import io.jenkins.plugins.casc.ConfigurationAsCode
import java.util.concurrent.TimeUnit
import java.util.logging.Level
import java.util.logging.Logger
import jenkins.util.Timer

final Logger log = Logger.getLogger('jenkins_on_aws.ScaleSettingsReload')
final String prefix = System.getenv('SCALE_SETTINGS_PREFIX')

if (!prefix) {
  log.warning('SCALE_SETTINGS_PREFIX is not set; scale settings will not reload automatically')
  return
}

// GetParametersByPath wants the path without its trailing slash.
final String path = prefix.replaceAll('/+$', '')
final ssm = AWSSimpleSystemsManagementClientBuilder.defaultClient()

// Name -> version of every parameter under the prefix, across pages (10 per page at most).
def readVersions = { ->
  Map<String, Long> versions = [:]
  String nextToken = null
  while (true) {
    def request = new GetParametersByPathRequest()
        .withPath(path)
        .withRecursive(false)
        .withMaxResults(10)
        .withNextToken(nextToken)
    def page = ssm.getParametersByPath(request)
    page.parameters.each { versions[it.name] = it.version }
    nextToken = page.nextToken
    if (!nextToken) {
      return versions
    }
  }
}

// Start from nothing rather than from a first read: a setting changed between the boot-time
// load and this script would otherwise go unnoticed. The cost is one reload after startup.
Map<String, Long> applied = [:]

Timer.get().scheduleWithFixedDelay({
  try {
    Map<String, Long> current = readVersions()
    if (current == applied) {
      return
    }
    def changed = (current.keySet() + applied.keySet()).findAll { current[it] != applied[it] }
    log.info("Scale settings changed (${changed.sort().join(', ')}); reloading configuration as code")
    def context = ACL.as2(ACL.SYSTEM2)
    try {
      ConfigurationAsCode.get().configure()
    } finally {
      context.close()
    }
    applied = current
  } catch (Exception e) {
    // A failed read or reload keeps the previous configuration; the next tick tries again.
    log.log(Level.WARNING, 'Could not check or apply scale settings; will retry in a minute', e)
  }
} as Runnable, 1, 1, TimeUnit.MINUTES)

log.info("Watching scale settings under ${path} once a minute")
