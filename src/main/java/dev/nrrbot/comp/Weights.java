package dev.nrrbot.comp;

import dev.nrrbot.metrics.BusinessFunction;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The share of each function's variable pay tied to company NRR, in percent. The defaults follow the
 * argument that closeness to the customer sets the weight: customer success and support highest,
 * account management and product next, finance, marketing and engineering lower, HR smallest, and
 * new-business sales none (it stays paid on new business). External is nobody's pay.
 */
public final class Weights {

    private Weights() {
    }

    public static Map<BusinessFunction, BigDecimal> defaults() {
        Map<BusinessFunction, BigDecimal> w = new EnumMap<>(BusinessFunction.class);
        w.put(BusinessFunction.CUSTOMER_SUCCESS, new BigDecimal("40"));
        w.put(BusinessFunction.SUPPORT, new BigDecimal("40"));
        w.put(BusinessFunction.ACCOUNT_MANAGEMENT, new BigDecimal("30"));
        w.put(BusinessFunction.PRODUCT, new BigDecimal("30"));
        w.put(BusinessFunction.FINANCE, new BigDecimal("20"));
        w.put(BusinessFunction.MARKETING, new BigDecimal("20"));
        w.put(BusinessFunction.ENGINEERING, new BigDecimal("20"));
        w.put(BusinessFunction.HR, new BigDecimal("10"));
        w.put(BusinessFunction.SALES, BigDecimal.ZERO);
        return w;
    }
}
