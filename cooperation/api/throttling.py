from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousReadThrottle(AnonRateThrottle):
    """DRF's anonymous throttle, reading its rate when it counts rather than at
    import, so ``API_ANON_RATE`` and test settings take effect."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
